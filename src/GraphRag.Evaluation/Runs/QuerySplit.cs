using System.Globalization;
using GraphRag.Evaluation.Beir;

namespace GraphRag.Evaluation.Runs;

/// <summary>
/// A fixed split of any query set into halves, for tuning on one and reporting on the other: a query
/// is in "dev" when the last character of its id, read as a hexadecimal digit, is odd (the notes'
/// n01, n03, …; about half of HotpotQA's hexadecimal ids), otherwise in "test". Ids that end in no
/// hexadecimal digit fall in "test".
/// </summary>
public static class QuerySplit
{
    public const string Dev = "dev";
    public const string Test = "test";
    public const string All = "all";

    public static IReadOnlyList<string> Names { get; } = [All, Dev, Test];

    public static bool IsDev(string queryId) =>
        queryId.Length > 0 && int.TryParse(queryId[^1..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var digit) && digit % 2 == 1;

    /// <exception cref="ArgumentException">An unknown split name.</exception>
    public static IReadOnlyList<EvalQuery> Select(IReadOnlyList<EvalQuery> queries, string split) => split.ToLowerInvariant() switch
    {
        All => queries,
        Dev => queries.Where(q => IsDev(q.Id)).ToList(),
        Test => queries.Where(q => !IsDev(q.Id)).ToList(),
        _ => throw new ArgumentException($"Unknown query split \"{split}\": use {string.Join(", ", Names)}."),
    };
}

/// <summary>A run mapper over a subset of the queries: the judgments of the others are left out, so they do not count as misses.</summary>
public sealed class SubsetRunMapper(IRunMapper inner, IEnumerable<string> queryIds) : IRunMapper
{
    public Trec.Qrels Qrels { get; } = inner.Qrels.Only(queryIds);

    public IReadOnlyList<string> DocIds(string queryId, IReadOnlyList<Retrieve.SearchHit> hits) => inner.DocIds(queryId, hits);
}
