using GraphRag.Answer;

namespace GraphRag.Tests.Answer;

public sealed class QuestionPartsTests
{
    [Fact]
    public void A_question_asking_two_things_is_split_into_its_parts()
    {
        Assert.Equal(["How quickly did ChatGPT reach a million users", "how many parameters does GPT-3 have?"],
            QuestionParts.Split("How quickly did ChatGPT reach a million users, and how many parameters does GPT-3 have?"));
    }

    [Theory]
    [InlineData("What does ReLU do according to and ?")] // a side with no words at all
    [InlineData("What are precision and recall?")] // a side with one word
    public void A_side_without_two_searchable_words_leaves_the_question_whole(string question) =>
        Assert.Equal([question], QuestionParts.Split(question));
}
