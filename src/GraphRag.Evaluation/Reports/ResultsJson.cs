using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphRag.Evaluation.Reports;

/// <summary>
/// results.json, the machine-readable form of an eval run (camelCase). Each mode carries its headline
/// figures at the top ("ndcg@10", "recall@10", "mrr"), then averages, intervals, the recall@1..k curve
/// and the per-query list. Non-finite numbers (a t-test without spread) are written as null.
/// </summary>
public static class ResultsJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(EvalResults results) => ToJson(results).ToJsonString(Indented);

    public static JsonObject ToJson(EvalResults results) => new()
    {
        ["dataset"] = results.Dataset,
        ["k"] = results.K,
        ["depth"] = results.Depth,
        ["queries"] = results.Queries,
        ["createdUtc"] = results.CreatedUtc.ToString("O"),
        ["modes"] = new JsonArray([.. results.Modes.Select(m => (JsonNode)Mode(m, results.K))]),
        ["comparisons"] = new JsonArray([.. results.Comparisons.Select(c => (JsonNode)Comparison(c))]),
    };

    public static EvalResults Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: results file not found.", path);
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path}: empty.");
            var k = root["k"]!.GetValue<int>();
            var modes = root["modes"]!.AsArray().Select(m => ReadMode(m!.AsObject(), k)).ToList();
            return new EvalResults(root["dataset"]!.GetValue<string>(), k, root["depth"]!.GetValue<int>(), root["queries"]!.GetValue<int>(),
                DateTimeOffset.Parse(root["createdUtc"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), modes, []);
        }
        catch (Exception ex) when (ex is JsonException or NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a results.json written by `eval` ({ex.Message}).");
        }
    }

    private static JsonObject Mode(ModeResult mode, int k)
    {
        var json = new JsonObject { ["mode"] = mode.Mode };
        foreach (var metric in EvalSummary.HeadlineMetrics(k))
            json[metric] = Number(mode.Averages[metric]);
        json["searchSeconds"] = Number(mode.SearchSeconds);
        json["averages"] = new JsonObject([.. mode.Averages.Select(a => KeyValuePair.Create(a.Key, Number(a.Value)))]);
        json["intervals"] = new JsonObject([.. mode.Intervals.Select(i => KeyValuePair.Create(i.Key,
            (JsonNode?)new JsonObject { ["mean"] = Number(i.Value.Mean), ["low"] = Number(i.Value.Low), ["high"] = Number(i.Value.High) }))]);
        json["recallCurve"] = new JsonArray([.. mode.RecallCurve.Select(Number)]);
        json["failedQueries"] = new JsonArray([.. mode.FailedQueries.Select(q => (JsonNode?)q)]);
        json["perQuery"] = new JsonArray([.. mode.PerQuery.Select(q => (JsonNode)new JsonObject
        {
            ["id"] = q.Id,
            ["text"] = q.Text,
            [EvalResults.NdcgName(k)] = Number(q.Ndcg),
            [EvalResults.RecallName(k)] = Number(q.Recall),
            [EvalResults.MrrName] = Number(q.Mrr),
            ["measures"] = new JsonObject([.. q.Measures.Select(m => KeyValuePair.Create(m.Key, Number(m.Value)))]),
        })]);
        return json;
    }

    private static JsonObject Comparison(Comparison c) => new()
    {
        ["a"] = c.A,
        ["b"] = c.B,
        ["metric"] = c.Metric,
        ["queries"] = c.Queries,
        ["meanDifference"] = Number(c.MeanDifference),
        ["ciLow"] = Number(c.CiLow),
        ["ciHigh"] = Number(c.CiHigh),
        ["cohensDz"] = Number(c.CohensDz),
        ["randomizationP"] = Number(c.RandomizationP),
        ["tTestP"] = Number(c.TTestP),
        ["randomizationPHolm"] = Number(c.RandomizationPHolm),
        ["tTestPHolm"] = Number(c.TTestPHolm),
        ["verdict"] = c.Verdict,
    };

    private static ModeResult ReadMode(JsonObject json, int k)
    {
        var perQuery = json["perQuery"]!.AsArray().Select(q =>
        {
            var o = q!.AsObject();
            var measures = o["measures"]!.AsObject().ToDictionary(m => m.Key, m => ReadNumber(m.Value));
            return new QueryScore(o["id"]!.GetValue<string>(), o["text"]!.GetValue<string>(),
                ReadNumber(o[EvalResults.NdcgName(k)]), ReadNumber(o[EvalResults.RecallName(k)]), ReadNumber(o[EvalResults.MrrName]), measures);
        }).ToList();
        var averages = json["averages"]!.AsObject().ToDictionary(a => a.Key, a => ReadNumber(a.Value));
        var intervals = json["intervals"]!.AsObject().ToDictionary(i => i.Key,
            i => new Interval(ReadNumber(i.Value!["mean"]), ReadNumber(i.Value!["low"]), ReadNumber(i.Value!["high"])));
        var curve = json["recallCurve"]!.AsArray().Select(ReadNumber).ToList();
        var failed = json["failedQueries"]?.AsArray().Select(f => f!.GetValue<string>()).ToList() ?? [];
        return new ModeResult(json["mode"]!.GetValue<string>(), ReadNumber(json["searchSeconds"]), averages, intervals, curve, perQuery, failed);
    }

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(Math.Round(value, 10)) : null;

    private static double ReadNumber(JsonNode? node) => node is null ? double.NaN : node.GetValue<double>();
}
