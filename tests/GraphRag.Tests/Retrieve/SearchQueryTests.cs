using GraphRag.Retrieve;

namespace GraphRag.Tests.Retrieve;

public class SearchQueryTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!.,;:()")]
    [InlineData("* \" ^ - +")]
    public void A_query_without_words_gets_a_clear_message(string query)
    {
        var error = Assert.Throws<QueryException>(() => SearchQuery.Parse(query));
        Assert.Matches("empty|no words", error.Message);
    }

    [Fact]
    public void A_query_over_the_limit_is_refused_with_its_length()
    {
        var error = Assert.Throws<QueryException>(() => SearchQuery.Parse(new string('a', SearchQuery.MaxLength + 1)));
        Assert.Contains($"{SearchQuery.MaxLength + 1} characters", error.Message);
    }

    [Fact]
    public void Terms_are_the_lower_cased_content_words_once_each()
    {
        Assert.Equal(["ndcg", "rank", "metric"], SearchQuery.Parse("What is the NDCG rank metric, NDCG?").Terms);
        // Only stop words: they are kept, or nothing could be searched.
        Assert.Equal(["what", "is", "it"], SearchQuery.Parse("What is it?").Terms);
    }
}
