using System.CommandLine;
using GraphRag.Retrieve;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace GraphRag.Cli.Commands;

/// <summary><c>search QUERY [--top K] [--mode M] [--json]</c>: ranked passages with scores.</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to look for" };
        var top = new Option<int?>("--top", "-k") { Description = "How many passages (default GraphRag:Retrieval:Top)" };
        var mode = new Option<string?>("--mode") { Description = "lexical, dense, graph or hybrid (default GraphRag:Retrieval:Mode)" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array" };
        var command = new Command("search", "Find the passages of your notes that match a query") { query, top, mode, json };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            Guards.RequireIngested(host.Services);
            var k = parse.GetValue(top) ?? host.Services.GetRequiredService<IOptions<GraphRagOptions>>().Value.Retrieval.Top;
            if (k < 1)
                throw new UserFacingException($"--top must be at least 1 (got {k}).");
            var result = await host.Services.GetRequiredService<PassageSearch>()
                .SearchAsync(parse.GetValue(query), k, parse.GetValue(mode), cancellationToken);
            if (parse.GetValue(json))
                CliJson.Write(result.Hits);
            else
                Write(result.Hits, result.Mode);
            return 0;
        });
        return command;
    }

    private static void Write(IReadOnlyList<SearchHit> hits, string mode)
    {
        if (hits.Count == 0)
        {
            AnsiConsole.MarkupLine("[yellow]No passage matches.[/]");
            return;
        }
        var table = new Table().RoundedBorder().AddColumns("#", "Score", "Article", "Passage");
        foreach (var hit in hits)
        {
            table.AddRow(hit.Rank.ToString(), hit.Score.ToString("F3"),
                string.IsNullOrEmpty(hit.HeadingPath) ? Markup.Escape(hit.Title) : $"{Markup.Escape(hit.Title)}\n[grey]{Markup.Escape(hit.HeadingPath)}[/]",
                Markup.Escape(Snippet(hit.Text)));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]mode: {mode}[/]");
    }

    private static string Snippet(string text) =>
        text.Length <= 280 ? text.ReplaceLineEndings(" ") : text[..280].ReplaceLineEndings(" ") + "…";
}
