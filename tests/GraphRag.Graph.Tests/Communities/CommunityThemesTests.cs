using GraphRag.Answer;
using GraphRag.Graph.Tests.Support;
using GraphRag.Ingest;
using GraphRag.Store;
using GraphRag.Tests;

namespace GraphRag.Graph.Tests.Communities;

/// <summary>Broad questions answered with the graph's communities, over the real notes.</summary>
public sealed class CommunityThemesTests
{
    [Fact]
    public async Task A_broad_question_gets_the_notes_themes_each_cited_as_an_exact_quote()
    {
        using var host = new GraphHost();
        var summary = await host.Get<IngestionPipeline>().IngestAsync([TestPaths.Repo("corpus")], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, summary.Failed);
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
