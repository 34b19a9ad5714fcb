using GraphRag.Evaluation.Runs;
using GraphRag.Evaluation.Trec;

namespace GraphRag.Evaluation.Reports;

/// <summary>Writes report.html, report.md and results.json into one folder, and the runs as TREC files.</summary>
public static class ReportWriter
{
    public static IReadOnlyList<string> Write(string directory, EvalResults results, IReadOnlyList<Comparison>? againstBefore = null)
    {
        Directory.CreateDirectory(directory);
        var files = new[]
        {
            (Path.Combine(directory, "report.html"), HtmlReport.Render(results, againstBefore)),
            (Path.Combine(directory, "report.md"), MarkdownReport.Render(results, againstBefore)),
            (Path.Combine(directory, "results.json"), ResultsJson.Serialize(results)),
        };
        foreach (var (path, text) in files)
            File.WriteAllText(path, text);
        return files.Select(f => f.Item1).ToList();
    }

    /// <summary>qrels.txt and run.MODE.txt, so the figures can be re-checked with trec_eval itself.</summary>
    public static IReadOnlyList<string> WriteTrecFiles(string directory, Qrels qrels, IReadOnlyList<ModeRun> runs)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string> { Path.Combine(directory, "qrels.txt") };
        using (var writer = new StreamWriter(paths[0]))
            qrels.Write(writer);
        foreach (var run in runs)
        {
            var path = Path.Combine(directory, $"run.{run.Mode}.txt");
            using var writer = new StreamWriter(path);
            run.Run.Write(writer);
            paths.Add(path);
        }
        return paths;
    }
}
