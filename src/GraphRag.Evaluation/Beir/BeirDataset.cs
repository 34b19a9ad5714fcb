using System.Text.Json;
using GraphRag.Evaluation.Trec;

namespace GraphRag.Evaluation.Beir;

/// <summary>One passage of a BEIR corpus.</summary>
public sealed record BeirPassage(string Id, string Title, string Text);

/// <summary>One question of an evaluation set.</summary>
public sealed record EvalQuery(string Id, string Text);

/// <summary>
/// A data set in the BEIR layout: corpus.jsonl ({"_id","title","text"}), queries.jsonl
/// ({"_id","text"}) and qrels/SPLIT.tsv (header, then query-id, corpus-id, score).
/// </summary>
public sealed record BeirDataset(string Name, IReadOnlyList<BeirPassage> Corpus, IReadOnlyList<EvalQuery> Queries, Qrels Qrels)
{
    /// <summary>Reads <paramref name="directory"/>; only queries that have judgments are kept, as BEIR's evaluation does.</summary>
    public static BeirDataset Read(string directory, string split = "test")
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"{directory}: data set folder not found.");
        var corpusPath = RequireFile(directory, "corpus.jsonl");
        var queriesPath = RequireFile(directory, "queries.jsonl");
        var qrelsPath = RequireFile(directory, Path.Combine("qrels", split + ".tsv"));

        var corpus = ReadJsonLines(corpusPath, (row, where) =>
            new BeirPassage(RequiredString(row, "_id", where), OptionalString(row, "title"), RequiredString(row, "text", where)));
        var duplicate = corpus.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidDataException($"{corpusPath}: passage id {duplicate.Key} appears {duplicate.Count()} times.");

        var qrels = ReadQrelsTsv(qrelsPath);
        var queries = ReadJsonLines(queriesPath, (row, where) => new EvalQuery(RequiredString(row, "_id", where), RequiredString(row, "text", where)))
            .Where(q => qrels.Contains(q.Id))
            .ToList();
        if (queries.Count == 0)
            throw new InvalidDataException($"{queriesPath}: no query has judgments in {qrelsPath}.");
        return new BeirDataset(new DirectoryInfo(directory).Name, corpus, queries, qrels);
    }

    /// <summary>BEIR qrels: a header line, then "query-id TAB corpus-id TAB score".</summary>
    public static Qrels ReadQrelsTsv(string path)
    {
        var judgments = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 || string.IsNullOrWhiteSpace(line))
                continue;
            var fields = line.Split('\t');
            if (fields.Length != 3 || !int.TryParse(fields[2], out var grade))
                throw new InvalidDataException($"{path}:{lineNumber}: expected query-id<TAB>corpus-id<TAB>integer score.");
            if (!judgments.TryGetValue(fields[0], out var docs))
                judgments[fields[0]] = docs = new Dictionary<string, int>(StringComparer.Ordinal);
            if (!((Dictionary<string, int>)docs).TryAdd(fields[1], grade))
                throw new InvalidDataException($"{path}:{lineNumber}: passage {fields[1]} is judged twice for query {fields[0]}.");
        }
        return new Qrels(judgments);
    }

    private static List<T> ReadJsonLines<T>(string path, Func<JsonElement, string, T> map)
    {
        var rows = new List<T>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var where = $"{path}:{lineNumber}";
            try
            {
                using var document = JsonDocument.Parse(line);
                rows.Add(map(document.RootElement, where));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{where}: not a JSON object ({ex.Message}).");
            }
        }
        return rows;
    }

    private static string RequiredString(JsonElement row, string name, string where) =>
        row.ValueKind == JsonValueKind.Object && row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"{where}: missing string field \"{name}\".");

    private static string OptionalString(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string RequireFile(string directory, string relative)
    {
        var path = Path.Combine(directory, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path}: missing; a BEIR data set needs corpus.jsonl, queries.jsonl and qrels/<split>.tsv.", path);
    }
}
