using System.CommandLine;
using GraphRag.Graph.Communities;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GraphRag.Cli.Commands.Graph;

/// <summary><c>graph communities</c>: the main themes of the notes (Louvain communities) with extractive summaries.</summary>
public static class GraphCommunitiesCommand
{
    public static Command Create()
    {
        var top = new Option<int>("--top") { Description = "How many communities", DefaultValueFactory = _ => 10 };
        var minSize = new Option<int>("--min-size") { Description = "Smallest community shown", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("communities", "Themes of your notes: groups of related entities with summaries") { top, minSize, json };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            Guards.RequireIngested(host.Services);
            var (count, size) = (parse.GetValue(top), parse.GetValue(minSize));
            if (count < 1 || size < 1)
                throw new ArgumentException("--top and --min-size must be at least 1.");
            var communities = await GraphCommandErrors.Guard(() =>
                host.Services.GetRequiredService<CommunityFinder>().FindAsync(size, count, cancellationToken));
            if (parse.GetValue(json))
            {
                CliJson.Write(communities);
                return 0;
            }
            if (communities.Count == 0)
                AnsiConsole.MarkupLine("[yellow]No community that large: try --min-size 2.[/]");
            foreach (var c in communities)
            {
                AnsiConsole.MarkupLine($"[bold]{c.Id}. {Markup.Escape(c.Title)}[/] [grey]({c.Size} entities)[/]");
                AnsiConsole.MarkupLine($"   {Markup.Escape(string.Join(", ", c.Entities.Take(12)))}{(c.Size > 12 ? ", …" : "")}");
                if (c.Articles is { Count: > 0 } articles)
                    AnsiConsole.MarkupLine($"   [grey]from: {Markup.Escape(string.Join("; ", articles))}[/]");
                foreach (var sentence in c.Summary)
                    AnsiConsole.MarkupLine($"   [grey]“{Markup.Escape(sentence)}”[/]");
            }
            return 0;
        });
        return command;
    }
}
