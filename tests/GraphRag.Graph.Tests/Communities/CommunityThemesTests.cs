using GraphRag.Answer;
using GraphRag.Graph.Tests.Support;
using GraphRag.Store;

namespace GraphRag.Graph.Tests.Communities;

/// <summary>Broad questions answered with the graph's communities, over the real notes.</summary>
[Collection(IngestedCorpusCollection.Name)]
public sealed class CommunityThemesTests(IngestedCorpus corpus)
{
    [Fact]
    public async Task A_broad_question_gets_the_notes_themes_each_cited_as_an_exact_quote()
    {
        var host = corpus.Host;
        var store = host.Get<ArticleStore>();

        var answer = (await new ThemeAnswerer(host.Get<IThemeSource>(), store)
            .AnswerToEndAsync(new Question("What are the main themes of my notes?"), TestContext.Current.CancellationToken)).Answer;

        Assert.True(answer.Found);
        Assert.Equal("themes", answer.Method);
        Assert.InRange(answer.Citations.Count, 2, ThemeAnswerer.MaxThemes);
        foreach (var citation in answer.Citations)
        {
            Assert.Contains($"[{citation.N}]", answer.Text);
            Assert.Equal(citation.Quote, store.GetArticle(citation.ArticleId)!.Text[citation.StartOffset..citation.EndOffset]);
        }
    }
}
