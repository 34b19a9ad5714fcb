using System.CommandLine;
using GraphRag.Graph.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GraphRag.Cli.Commands.Graph;

/// <summary><c>graph stats</c>: how many entities, aliases, relations and mentions, by type; pending Neo4j writes.</summary>
public static class GraphStatsCommand
{
    public sealed record Output(string Store, GraphStatistics Statistics, int PendingSync);

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("stats", "Counts of entities, relations and mentions in the graph") { json };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            Guards.RequireIngested(host.Services);
            var store = host.Services.GetRequiredService<IGraphStore>();
            var statistics = await GraphCommandErrors.Guard(() => store.GetStatisticsAsync(cancellationToken));
            var pending = host.Services.GetRequiredService<IGraphMirror>().Pending();
            var output = new Output(store.Name, statistics, pending);
            if (parse.GetValue(json))
            {
                CliJson.Write(output);
                return 0;
            }
            var table = new Table().RoundedBorder().AddColumns("", "Count");
            table.AddRow("Entities", statistics.Entities.ToString());
            foreach (var (type, count) in statistics.EntitiesByType.OrderByDescending(t => t.Value))
                table.AddRow($"  [grey]{Markup.Escape(type)}[/]", count.ToString());
            table.AddRow("Aliases", statistics.Aliases.ToString());
            table.AddRow("Tentative candidates (one article, one weak mention)", statistics.TentativeCandidates.ToString());
            table.AddRow("Typed relations (stated by a sentence)", statistics.TypedRelations.ToString());
            table.AddRow("Co-occurrence links (weak, not facts)", (statistics.Relations - statistics.TypedRelations).ToString());
            table.AddRow($"  [grey]typed share[/]", statistics.Relations == 0 ? "–" : $"{100.0 * statistics.TypedRelations / statistics.Relations:F0}%");
            table.AddRow("Entity–chunk links", statistics.EntityChunkEdges.ToString());
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]store: {store.Name}{(pending > 0 ? $"; {pending} article graphs wait for `graph sync`" : "")}[/]");
            return 0;
        });
        return command;
    }
}
