using System.CommandLine;
using GraphRag.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GraphRag.Cli.Commands;

/// <summary><c>ingest PATH… [--prune] [--json]</c>: one batch, then a per-file summary.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to ingest", Arity = ArgumentArity.OneOrMore };
        var prune = new Option<bool>("--prune") { Description = "Also remove articles whose files no longer exist" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var command = new Command("ingest", "Read files into articles, chunk and index them (unchanged files are skipped)")
        {
            paths, prune, json,
        };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            var pipeline = host.Services.GetRequiredService<IngestionPipeline>();
            var asJson = parse.GetValue(json);
            var summary = await RunAsync(pipeline, parse.GetValue(paths)!, parse.GetValue(prune), showProgress: !asJson, cancellationToken);
            if (asJson)
                CliJson.Write(summary);
            else
                IngestionReport.Write(summary);
            // On stderr whatever the output format: graph writes left waiting must not go unnoticed in a script.
            foreach (var warning in summary.Warnings)
                CommandActions.WriteWarning(warning);
            return summary.Failed > 0 ? CommandActions.Failure : 0;
        });
        return command;
    }

    public static async Task<IngestionSummary> RunAsync(
        IngestionPipeline pipeline, string[] paths, bool prune, bool showProgress, CancellationToken cancellationToken)
    {
        if (!showProgress || !AnsiConsole.Profile.Capabilities.Interactive)
            return await pipeline.IngestAsync(paths, prune, null, cancellationToken);

        IngestionSummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Ingesting", maxValue: 1);
                var progress = new Progress<IngestionProgress>(p =>
                {
                    task.MaxValue = p.FilesTotal;
                    task.Value = p.FilesDone;
                    task.Description = Markup.Escape(Path.GetFileName(p.Last.Path));
                });
                summary = await pipeline.IngestAsync(paths, prune, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return summary!;
    }
}
