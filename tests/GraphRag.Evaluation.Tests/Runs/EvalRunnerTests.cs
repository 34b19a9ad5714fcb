using GraphRag.Evaluation.Beir;
using GraphRag.Evaluation.Tests.Beir;
using GraphRag.Evaluation.Runs;
using GraphRag.Evaluation.Trec;
using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Retrieve;
using GraphRag.Store;
using GraphRag.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphRag.Evaluation.Tests.Runs;

/// <summary>End to end on real parts: a BEIR folder ingested into SQLite, searched with the lexical retriever, scored.</summary>
public sealed class EvalRunnerTests
{
    [Fact]
    public async Task Lexical_search_over_an_ingested_beir_set_scores_each_query_like_trec_eval()
    {
        using var dir = new TempDirectory();
        var dataset = BeirDataset.Read(TinyBeir.Write(dir));
        await using var services = NotesCorpus.CreateServices(dir.File("beir.db"));
        var ingester = new BeirIngester(services.GetRequiredService<IngestionPipeline>(), services.GetRequiredService<ArticleStore>());
        var passages = await ingester.IngestAsync(dataset, TestContext.Current.CancellationToken);
        Assert.Equal(["p1", "p2", "p3", "p4"], passages.Values.Order());

        var run = await new EvalRunner(services.GetRequiredService<PassageSearch>(), new ArticleRunMapper(dataset.Qrels, passages), TrecMeasureSet.Default, depth: 10)
            .RunAsync(RetrievalModeNames.Lexical, dataset.Queries, TestContext.Current.CancellationToken);

        // The run's own rankings, scored again from scratch, give the same figures.
        foreach (var query in dataset.Queries)
        {
            var ranked = run.Run.Ranked(query.Id);
            var expected = TrecMeasureSet.Default.Compute(ranked, dataset.Qrels.For(query.Id));
            Assert.Equal(expected["ndcg_cut_10"], run.Scores.PerQuery[query.Id]["ndcg_cut_10"], 1e-12);
        }
        // q2 and q3 name words only their one relevant passage holds: it must come first.
        Assert.Equal("p3", run.Run.Ranked("q2")[0]);
        Assert.Equal(1.0, run.Scores.PerQuery["q3"]["recip_rank"]);
        Assert.Equal(3, run.Scores.PerQuery.Count);
    }
}
