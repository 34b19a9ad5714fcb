using System.CommandLine;
using GraphRag.Graph.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GraphRag.Cli.Commands.Graph;

/// <summary><c>graph sync [--full]</c>: apply the graph writes that wait for Neo4j (all articles with --full).</summary>
public static class GraphSyncCommand
{
    public static Command Create()
    {
        var full = new Option<bool>("--full") { Description = "Resend every article's graph (after switching to Neo4j, or to repair it)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("sync", "Send pending graph writes to Neo4j") { full, json };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            Guards.RequireIngested(host.Services);
            var mirror = host.Services.GetRequiredService<IGraphMirror>();
            if (!mirror.Enabled)
                throw new UserFacingException("GraphRag:Graph:Store is \"embedded\": the graph lives in the SQLite database and has nothing to sync. Set it to \"neo4j\" to mirror the graph in Neo4j.");
            var progress = parse.GetValue(json) ? null : new Progress<string>(m => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(m)}[/]"));
            var result = await mirror.SyncAsync(parse.GetValue(full), progress, cancellationToken);
            if (parse.GetValue(json))
                CliJson.Write(result);
            else if (result.Problem is null)
                AnsiConsole.MarkupLine($"[green]Neo4j is up to date[/] ({result.Applied} article graphs applied).");
            if (result.Problem is not null)
            {
                CommandActions.WriteError(GraphOutbox.WaitingMessage(result.Pending, result.Problem));
                return CommandActions.Failure;
            }
            return 0;
        });
        return command;
    }
}
