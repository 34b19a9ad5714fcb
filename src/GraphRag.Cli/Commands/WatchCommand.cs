using System.CommandLine;
using GraphRag.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace GraphRag.Cli.Commands;

/// <summary><c>watch DIR</c>: keep a folder ingested until Ctrl+C.</summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The folder of notes to keep ingested" };
        var command = new Command("watch", "Ingest a folder, then every file dropped into it, until stopped") { folder };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            var path = Path.GetFullPath(parse.GetValue(folder)!);
            if (!Directory.Exists(path))
                throw new DirectoryNotFoundException($"{path}: folder not found.");
            using var host = CliHost.Build(parse, services => services.AddHostedService(sp =>
            {
                var service = ActivatorUtilities.CreateInstance<FolderWatchService>(sp, path);
                service.BatchIngested += summary =>
                {
                    if (!summary.ChangedNothing || summary.Failed > 0)
                        IngestionReport.Write(summary);
                };
                return service;
            }));
            AnsiConsole.MarkupLine($"Watching [bold]{Markup.Escape(path)}[/]; press Ctrl+C to stop.");
            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
