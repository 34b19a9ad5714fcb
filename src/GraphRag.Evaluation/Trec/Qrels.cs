using System.Globalization;

namespace GraphRag.Evaluation.Trec;

/// <summary>
/// Relevance judgments: for each query, a grade per document. Grade 0 means judged non-relevant;
/// a document missing from a query's judgments is unjudged (trec_eval treats it as non-relevant).
/// </summary>
public sealed class Qrels
{
    private readonly Dictionary<string, Dictionary<string, int>> _byQuery;

    public Qrels(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> judgments)
    {
        _byQuery = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (queryId, docs) in judgments)
            _byQuery[queryId] = new Dictionary<string, int>(docs, StringComparer.Ordinal);
    }

    private Qrels(Dictionary<string, Dictionary<string, int>> byQuery) => _byQuery = byQuery;

    /// <summary>Query ids in ordinal order, as trec_eval walks them.</summary>
    public IReadOnlyList<string> QueryIds => _byQuery.Keys.Order(StringComparer.Ordinal).ToList();

    public IReadOnlyDictionary<string, int> For(string queryId) =>
        _byQuery.TryGetValue(queryId, out var docs) ? docs : EmptyJudgments;

    public bool Contains(string queryId) => _byQuery.ContainsKey(queryId);

    /// <summary>The judgments of the given queries only (a split of a query set).</summary>
    public Qrels Only(IEnumerable<string> queryIds)
    {
        var keep = queryIds.ToHashSet(StringComparer.Ordinal);
        return new Qrels(_byQuery.Where(q => keep.Contains(q.Key)).ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal));
    }

    private static readonly IReadOnlyDictionary<string, int> EmptyJudgments = new Dictionary<string, int>();

    /// <summary>Reads a TREC qrels file: "qid iter docno rel" per line, whitespace separated.</summary>
    public static Qrels Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: qrels file not found.", path);
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static Qrels Parse(TextReader reader, string sourceName)
    {
        var byQuery = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4)
                throw new InvalidDataException($"{sourceName}:{lineNumber}: expected 4 fields (qid iter docno rel), found {fields.Length}.");
            if (!int.TryParse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var grade))
                throw new InvalidDataException($"{sourceName}:{lineNumber}: relevance '{fields[3]}' is not an integer.");
            var docs = GetOrAdd(byQuery, fields[0]);
            if (!docs.TryAdd(fields[2], grade))
                throw new InvalidDataException($"{sourceName}:{lineNumber}: document {fields[2]} is judged twice for query {fields[0]}.");
        }
        return new Qrels(byQuery);
    }

    public void Write(TextWriter writer)
    {
        foreach (var queryId in QueryIds)
            foreach (var (docId, grade) in _byQuery[queryId].OrderBy(d => d.Key, StringComparer.Ordinal))
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{queryId} 0 {docId} {grade}"));
    }

    private static Dictionary<string, int> GetOrAdd(Dictionary<string, Dictionary<string, int>> byQuery, string queryId)
    {
        if (!byQuery.TryGetValue(queryId, out var docs))
            byQuery[queryId] = docs = new Dictionary<string, int>(StringComparer.Ordinal);
        return docs;
    }
}
