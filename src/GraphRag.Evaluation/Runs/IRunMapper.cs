using GraphRag.Evaluation.Trec;
using GraphRag.Retrieve;

namespace GraphRag.Evaluation.Runs;

/// <summary>
/// Turns what a retriever returned into the document ids the judgments speak about, so a ranked
/// list of chunks can be scored with <see cref="TrecEvaluation"/>.
/// </summary>
public interface IRunMapper
{
    Qrels Qrels { get; }

    /// <summary>Document ids in rank order, without repeats.</summary>
    IReadOnlyList<string> DocIds(string queryId, IReadOnlyList<SearchHit> hits);
}
