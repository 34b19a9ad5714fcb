using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphRag.Evaluation.Answers;

/// <summary>
/// The answer-level report: answers.json (machine-readable), answers.md and answers.html (one offline page):
/// accuracy and citation precision per question type with 95% Wilson intervals, abstention precision and
/// recall, the worst failures (question, expected passage, what was returned) and every question's outcome.
/// </summary>
public static class AnswerReport
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<string> Write(string directory, AnswerResults results)
    {
        Directory.CreateDirectory(directory);
        var files = new[]
        {
            (Path.Combine(directory, "answers.html"), Html(results)),
            (Path.Combine(directory, "answers.md"), Markdown(results)),
            (Path.Combine(directory, "answers.json"), Json(results)),
        };
        foreach (var (path, text) in files)
            File.WriteAllText(path, text);
        return files.Select(f => f.Item1).ToList();
    }

    public static string Json(AnswerResults results) => JsonSerializer.Serialize(results, Indented);

    public static string Markdown(AnswerResults results)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Answer evaluation: {results.Dataset} ({results.Queries} questions)");
        md.AppendLine();
        md.AppendLine($"{results.Questions.Count} questions, answered by {results.Method}, {results.CreatedUtc:yyyy-MM-dd HH:mm} UTC. " +
                      "Figures are proportions with 95% Wilson intervals (events/total).");
        md.AppendLine();
        md.AppendLine("| question type | answer accuracy | citation precision |");
        md.AppendLine("|---|---|---|");
        foreach (var type in results.ByType)
            md.AppendLine($"| {type.Type} | {type.Accuracy} | {type.CitationPrecision} |");
        md.AppendLine($"| **all** | {results.Accuracy} | {results.CitationPrecision} |");
        md.AppendLine();
        md.AppendLine($"Abstention: precision {results.AbstentionPrecision} (refusals that were right), " +
                      $"recall {results.AbstentionRecall} (unanswerable questions refused).");
        md.AppendLine();
        md.AppendLine("## Worst failures");
        md.AppendLine();
        md.AppendLine("| id | type | question | expected passage | returned |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var f in results.Failures)
            md.AppendLine($"| {f.Id} | {f.Type} | {Cell(f.Question)} | {Cell(Expected(f))} | {Cell(Returned(f))} |");
        md.AppendLine();
        md.AppendLine("## Every question");
        md.AppendLine();
        md.AppendLine("| id | type | correct | answered | evidence | question |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var q in results.Questions)
            md.AppendLine($"| {q.Id} | {q.Type} | {(q.Correct ? "yes" : "no")} | {(q.Found ? "yes" : "no")} | {Score(q.Evidence)} | {Cell(q.Question)} |");
        return md.ToString();
    }

    public static string Html(AnswerResults results)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Answer evaluation: {{E(results.Dataset)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; line-height: 1.4; }
            table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
            th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
            .bar { position: relative; width: 300px; height: 1rem; background: #eee; }
            .bar .value { position: absolute; top: 0; bottom: 0; left: 0; background: #4a7ab5; }
            .bar .ci { position: absolute; top: 45%; height: 10%; background: #111; }
            .wrong { color: #b3140a; } .right { color: #0a7a0a; }
            </style></head><body>
            <h1>Answer evaluation: {{E(results.Dataset)}} ({{E(results.Queries)}} questions)</h1>
            <p>{{results.Questions.Count}} questions, answered by {{E(results.Method)}}, {{results.CreatedUtc:yyyy-MM-dd HH:mm}} UTC.
            Figures are proportions with 95% Wilson intervals; the bars show the proportion, the black line its interval.</p>
            <h2>By question type</h2>
            <table><tr><th>question type</th><th>answer accuracy</th><th></th><th>citation precision</th></tr>
            """);
        foreach (var type in results.ByType)
            html.Append($"<tr><td>{E(type.Type)}</td><td>{E(type.Accuracy.ToString())}</td><td>{Bar(type.Accuracy, $"{type.Type} accuracy")}</td><td>{E(type.CitationPrecision.ToString())}</td></tr>\n");
        html.Append($"<tr><th>all</th><th>{E(results.Accuracy.ToString())}</th><td>{Bar(results.Accuracy, "overall accuracy")}</td><th>{E(results.CitationPrecision.ToString())}</th></tr></table>\n");
        html.Append($"<p>Abstention precision (refusals that were right): {E(results.AbstentionPrecision.ToString())}. " +
                    $"Abstention recall (unanswerable questions refused): {E(results.AbstentionRecall.ToString())}.</p>\n");
        html.Append("<h2>Worst failures</h2>\n<table><tr><th>id</th><th>type</th><th>question</th><th>expected passage</th><th>returned</th></tr>\n");
        foreach (var f in results.Failures)
            html.Append($"<tr><td>{E(f.Id)}</td><td>{E(f.Type)}</td><td>{E(f.Question)}</td><td>{E(Expected(f))}</td><td>{E(Returned(f))}</td></tr>\n");
        html.Append("</table>\n<h2>Every question</h2>\n<table><tr><th>id</th><th>type</th><th>correct</th><th>answered</th><th>evidence</th><th>question</th></tr>\n");
        foreach (var q in results.Questions)
        {
            html.Append($"<tr><td>{E(q.Id)}</td><td>{E(q.Type)}</td><td class=\"{(q.Correct ? "right" : "wrong")}\">{(q.Correct ? "yes" : "no")}</td>" +
                        $"<td>{(q.Found ? "yes" : "no")}</td><td>{Score(q.Evidence)}</td><td>{E(q.Question)}</td></tr>\n");
        }
        html.Append("</table></body></html>\n");
        return html.ToString();
    }

    private static string Bar(Proportion p, string label) => p.Total == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
        $"<div class=\"bar\" role=\"img\" aria-label=\"{E(label)}: {p.Value:0.00}, 95% interval {p.Low:0.00} to {p.High:0.00}\">" +
        $"<div class=\"value\" style=\"width:{100 * p.Value:0.#}%\"></div><div class=\"ci\" style=\"left:{100 * p.Low:0.#}%;width:{100 * (p.High - p.Low):0.#}%\"></div></div>");

    private static string Expected(QuestionOutcome f) => f.Missing.Count == 0
        ? "(none: the notes do not answer it)"
        : string.Join(" + ", f.Missing.Select(m => $"{m.Article}: “{m.Quote}”"));

    private static string Returned(QuestionOutcome f) => f.Found
        ? $"{Shorten(f.Answer)} — cited: {string.Join(" | ", f.Cited.Select(Shorten))}"
        : $"(refused) {Shorten(f.Answer)}";

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static string Score(double? evidence) => evidence is { } e ? e.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
