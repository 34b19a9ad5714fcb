using System.CommandLine;
using GraphRag.Cli.Commands.Eval;
using GraphRag.Evaluation.Answers;
using GraphRag.Evaluation.Reports;
using Spectre.Console;

namespace GraphRag.Cli.Commands;

/// <summary>
/// <c>eval --dataset DIR|notes --mode M[,M…] [--k 10] [--depth 100] [--json] [--out DIR] [--compare OLD.json]</c>
/// and <c>eval trec QRELS RUN</c>: retrieval quality with intervals, paired significance tests and reports.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var dataset = new Option<string?>("--dataset")
        {
            Description = "\"notes\" (eval/notes against your database) or a BEIR folder (corpus.jsonl, queries.jsonl, qrels/), " +
                          "ingested into a temporary database, or into --db and kept there",
        };
        var modes = new Option<string?>("--mode") { Description = "Comma-separated retrieval modes, or \"all\" (default GraphRag:Retrieval:Mode)" };
        var k = new Option<int>("--k") { Description = "Cut-off for nDCG@k, recall@k, P@k", DefaultValueFactory = _ => 10 };
        var depth = new Option<int>("--depth") { Description = "Passages retrieved per query", DefaultValueFactory = _ => 100 };
        var split = new Option<string>("--split") { Description = "BEIR qrels split (qrels/SPLIT.tsv)", DefaultValueFactory = _ => "test" };
        var queries = new Option<string>("--queries")
        {
            Description = "Which questions: all, dev or test (a fixed half each: tune on dev, report test)",
            DefaultValueFactory = _ => GraphRag.Evaluation.Runs.QuerySplit.All,
        };
        queries.AcceptOnlyFromAmong([.. GraphRag.Evaluation.Runs.QuerySplit.Names]);
        var json = new Option<bool>("--json") { Description = "Print results.json to stdout instead of tables" };
        var output = new Option<string?>("--out") { Description = "Folder for report.html, report.md, results.json (default eval-reports/DATASET)" };
        var compare = new Option<string?>("--compare") { Description = "An earlier results.json: mark significant regressions and improvements" };
        var answers = new Option<bool>("--answers")
        {
            Description = "Evaluate answers instead of retrieval: ask eval/notes/answers.jsonl's typed questions and report accuracy, " +
                          "citation precision and abstention per type (answers.html, answers.md, answers.json)",
        };
        var command = new Command("eval", "Measure retrieval quality: trec_eval measures, 95% intervals, paired tests, HTML/Markdown reports")
        {
            dataset, modes, k, depth, split, queries, json, output, compare, answers, TrecCommand.Create(),
        };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(answers))
                return await EvaluateAnswersAsync(parse, parse.GetValue(dataset), parse.GetValue(modes), parse.GetValue(queries)!, parse.GetValue(json), parse.GetValue(output), cancellationToken);
            var before = parse.GetValue(compare) is { } oldPath ? ResultsJson.Read(oldPath) : null;
            var name = parse.GetValue(dataset) ?? before?.Dataset
                ?? throw new UserFacingException("Pass --dataset notes or --dataset DIR (a BEIR folder), or --compare OLD.json.");
            var modeList = parse.GetValue(modes)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                           ?? before?.Modes.Select(m => m.Mode).ToArray();
            var cutoff = parse.GetValue(k);
            var perQueryDepth = parse.GetValue(depth);
            if (cutoff < 1 || perQueryDepth < cutoff)
                throw new UserFacingException($"--k must be at least 1 and --depth at least --k (got k = {cutoff}, depth = {perQueryDepth}).");

            var quiet = parse.GetValue(json);
            var progress = new Progress<string>(message => { if (!quiet) AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]"); });
            var outcome = await EvalDatasetRunner.RunAsync(parse,
                new EvalDatasetRunner.Request(name, modeList, cutoff, perQueryDepth, parse.GetValue(split)!, parse.GetValue(queries)!), progress, cancellationToken);
            var results = outcome.Results;
            var againstBefore = before is null ? null : RegressionCheck.Compare(before, results);

            var folder = parse.GetValue(output) ?? Path.Combine("eval-reports", SafeName(results.Dataset));
            var files = ReportWriter.Write(folder, results, againstBefore);
            ReportWriter.WriteTrecFiles(folder, outcome.Qrels, outcome.Runs);
            if (quiet)
            {
                Console.Out.WriteLine(ResultsJson.Serialize(results));
                return 0;
            }
            EvalSummaryTable.Write(results, againstBefore);
            AnsiConsole.MarkupLine($"[grey]Wrote {Markup.Escape(string.Join(", ", files))} (and qrels.txt, run.MODE.txt for trec_eval)[/]");
            return 0;
        });
        return command;
    }

    private static async Task<int> EvaluateAnswersAsync(ParseResult parse, string? dataset, string? mode, string queries, bool quiet, string? output,
        CancellationToken cancellationToken)
    {
        if (dataset is { } name && !name.Equals(EvalDatasetRunner.NotesDataset, StringComparison.OrdinalIgnoreCase))
            throw new UserFacingException($"--answers evaluates the notes' typed questions (eval/notes/answers.jsonl), not \"{name}\".");
        if (mode?.Contains(',', StringComparison.Ordinal) == true)
            throw new UserFacingException("--answers takes one retrieval mode.");
        var progress = new Progress<string>(message => { if (!quiet) AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]"); });
        var results = await AnswerEvalRunner.RunAsync(parse, queries, mode, progress, cancellationToken);
        var files = AnswerReport.Write(output ?? Path.Combine("eval-reports", EvalDatasetRunner.NotesDataset), results);
        if (quiet)
        {
            Console.Out.WriteLine(AnswerReport.Json(results));
            return 0;
        }
        var table = new Table().AddColumns("question type", "answer accuracy", "citation precision");
        foreach (var type in results.ByType)
            table.AddRow(Markup.Escape(type.Type), Markup.Escape(type.Accuracy.ToString()), Markup.Escape(type.CitationPrecision.ToString()));
        table.AddRow("[bold]all[/]", Markup.Escape(results.Accuracy.ToString()), Markup.Escape(results.CitationPrecision.ToString()));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"Abstention precision {results.AbstentionPrecision}, recall {results.AbstentionRecall}.");
        AnsiConsole.MarkupLine($"[grey]Wrote {Markup.Escape(string.Join(", ", files))}[/]");
        return 0;
    }

    private static string SafeName(string dataset) =>
        string.Concat(dataset.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
