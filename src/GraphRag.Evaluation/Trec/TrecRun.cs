using System.Globalization;

namespace GraphRag.Evaluation.Trec;

/// <summary>One retrieved document of a run, with the score that orders it.</summary>
public readonly record struct RunEntry(string DocId, double Score);

/// <summary>
/// A retrieval run: per query, the retrieved documents with scores. The order documents are added
/// in does not matter: <see cref="Ranked"/> applies trec_eval's ordering.
/// </summary>
public sealed class TrecRun
{
    private readonly Dictionary<string, List<RunEntry>> _byQuery = new(StringComparer.Ordinal);

    public TrecRun(string name = "graphrag") => Name = name;

    public string Name { get; }

    public IReadOnlyList<string> QueryIds => _byQuery.Keys.Order(StringComparer.Ordinal).ToList();

    public bool Contains(string queryId) => _byQuery.ContainsKey(queryId);

    public void Add(string queryId, string docId, double score)
    {
        if (!_byQuery.TryGetValue(queryId, out var entries))
            _byQuery[queryId] = entries = [];
        entries.Add(new RunEntry(docId, score));
    }

    /// <summary>Marks a query as run even when it retrieved nothing.</summary>
    public void AddQuery(string queryId) => _byQuery.TryAdd(queryId, []);

    /// <summary>
    /// Document ids in trec_eval's rank order: score descending, ties broken by document id
    /// descending (byte-wise, as strcmp in form_res_rels.c comp_sim_docno). The rank column of the
    /// file is ignored, as trec_eval ignores it.
    /// </summary>
    public IReadOnlyList<string> Ranked(string queryId)
    {
        if (!_byQuery.TryGetValue(queryId, out var entries))
            return [];
        var sorted = entries.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(b.DocId, a.DocId);
        });
        var ids = new string[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
            ids[i] = sorted[i].DocId;
        return ids;
    }

    /// <summary>Reads a TREC run file: "qid Q0 docno rank score tag" per line.</summary>
    public static TrecRun Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: run file not found.", path);
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static TrecRun Parse(TextReader reader, string sourceName)
    {
        TrecRun? run = null;
        var seen = new HashSet<(string, string)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6)
                throw new InvalidDataException($"{sourceName}:{lineNumber}: expected 6 fields (qid Q0 docno rank score tag), found {fields.Length}.");
            if (!double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score))
                throw new InvalidDataException($"{sourceName}:{lineNumber}: score '{fields[4]}' is not a finite number.");
            if (!seen.Add((fields[0], fields[2])))
                throw new InvalidDataException($"{sourceName}:{lineNumber}: document {fields[2]} is retrieved twice for query {fields[0]}.");
            run ??= new TrecRun(fields[5]);
            run.Add(fields[0], fields[2], score);
        }
        return run ?? new TrecRun();
    }

    /// <summary>Writes the run with ranks in trec_eval's order.</summary>
    public void Write(TextWriter writer)
    {
        foreach (var queryId in QueryIds)
        {
            var scores = _byQuery[queryId].ToDictionary(e => e.DocId, e => e.Score, StringComparer.Ordinal);
            var rank = 0;
            foreach (var docId in Ranked(queryId))
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{queryId} Q0 {docId} {++rank} {scores[docId]:R} {Name}"));
        }
    }
}
