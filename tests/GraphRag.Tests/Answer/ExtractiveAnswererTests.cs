using GraphRag.Answer;
using GraphRag.Retrieve;
using GraphRag.Store;
using GraphRag.Tests.Support;

namespace GraphRag.Tests.Answer;

public sealed class ExtractiveAnswererTests(IngestedCorpus corpus) : IClassFixture<IngestedCorpus>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Answers_with_numbered_citations_whose_quotes_are_exact_slices_of_the_articles()
    {
        var answer = (await new ExtractiveAnswerer(corpus.Search)
            .AnswerToEndAsync(new Question("What did the CERN physicists announce about neutrinos?"), Ct)).Answer;

        Assert.True(answer.Found);
        Assert.Contains("neutrino", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(answer.Citations);
        var store = new ArticleStore(corpus.Database);
        foreach (var citation in answer.Citations)
        {
            Assert.Contains($"[{citation.N}]", answer.Text);
            Assert.Equal(citation.Quote, store.GetArticle(citation.ArticleId)!.Text[citation.StartOffset..citation.EndOffset]);
        }
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.N));
    }

    [Theory]
    [InlineData("How long should sourdough bread proof before baking?")]
    [InlineData("Who painted the ceiling of the Sistine Chapel?")]
    public async Task Says_so_when_the_notes_do_not_answer(string question)
    {
        var answer = (await new ExtractiveAnswerer(corpus.Search).AnswerToEndAsync(new Question(question), Ct)).Answer;
        Assert.False(answer.Found);
        // The refusal says so first, then names the closest passage the notes have.
        Assert.StartsWith(ExtractiveAnswerer.NotFound, answer.Text);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task A_question_naming_two_articles_is_answered_from_each_of_them()
    {
        var store = corpus.Store;
        var answer = (await new ExtractiveAnswerer(corpus.Search, store: store).AnswerToEndAsync(
            new Question("What does ReLU do according to the neural networks series and the transformers by hand tutorial?"), Ct)).Answer;
        var without = (await new ExtractiveAnswerer(corpus.Search).AnswerToEndAsync(
            new Question("What does ReLU do according to the neural networks series and the transformers by hand tutorial?"), Ct)).Answer;

        Assert.True(answer.Found, answer.Text);
        // Each named article answers with what it says of ReLU.
        Assert.Contains(answer.Citations, c => c.Title.StartsWith("Neural Networks", StringComparison.Ordinal) && c.Quote.Contains("ReLU", StringComparison.Ordinal));
        Assert.Contains(answer.Citations, c => c.Title.StartsWith("Deep Dive into Transformers by Hand", StringComparison.Ordinal) && c.Quote.Contains("ReLU", StringComparison.Ordinal));
        // Read as a whole, the question's title words outweigh what it asks: sentences that name the articles' subjects, none about ReLU.
        Assert.DoesNotContain(without.Citations, c => c.Quote.Contains("ReLU", StringComparison.Ordinal));
    }
}
