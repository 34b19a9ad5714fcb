using System.Diagnostics;
using GraphRag.Evaluation.Beir;
using GraphRag.Evaluation.Trec;
using GraphRag.Retrieve;

namespace GraphRag.Evaluation.Runs;

/// <summary>One mode's run over an eval set: the TREC run, its scores and how long the searches took.</summary>
public sealed record ModeRun(string Mode, TrecRun Run, TrecEvaluation Scores, TimeSpan SearchTime, IReadOnlyList<string> FailedQueries);

/// <summary>
/// Runs one retrieval mode over every query (top <c>depth</c> hits), maps hits to judged documents
/// and scores them like trec_eval. Every query counts: one that retrieves nothing scores 0 (trec_eval -c).
/// </summary>
public sealed class EvalRunner(PassageSearch search, IRunMapper mapper, TrecMeasureSet measures, int depth = 100)
{
    public async Task<ModeRun> RunAsync(string mode, IReadOnlyList<EvalQuery> queries, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var name = search.Modes.Get(mode).Mode;
        var run = new TrecRun(name);
        var failed = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var query in queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.AddQuery(query.Id);
            IReadOnlyList<SearchHit> hits;
            try
            {
                hits = (await search.SearchAsync(query.Text, depth, name, cancellationToken)).Hits;
            }
            catch (QueryException)
            {
                // A query the mode cannot search (no searchable words) is a miss, not a crash.
                failed.Add(query.Id);
                continue;
            }
            var ids = mapper.DocIds(query.Id, hits);
            // Scores that strictly decrease keep the retriever's order under trec_eval's sort.
            for (var i = 0; i < ids.Count; i++)
                run.Add(query.Id, ids[i], ids.Count - i);
        }
        clock.Stop();
        var scores = TrecEvaluation.Evaluate(mapper.Qrels, run, measures, completeQrels: true);
        return new ModeRun(name, run, scores, clock.Elapsed, failed);
    }
}
