using System.CommandLine;
using GraphRag.Graph.Extract;
using GraphRag.Graph.Model;
using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GraphRag.Cli.Commands.Graph;

/// <summary><c>graph show ENTITY</c>: an entity's aliases, type and neighbours with the sentences that support each relation.</summary>
public static class GraphShowCommand
{
    public static Command Create()
    {
        var entity = new Argument<string>("entity") { Description = "A name, acronym or alias (\"NDCG\", \"knowledge graphs\")" };
        var neighbours = new Option<int>("--neighbours", "-n") { Description = "How many neighbours", DefaultValueFactory = _ => 15 };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("show", "Show one entity with its neighbours and evidence") { entity, neighbours, json };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            Guards.RequireIngested(host.Services);
            var name = parse.GetValue(entity)!;
            var limit = parse.GetValue(neighbours);
            if (limit < 1)
                throw new ArgumentException($"--neighbours must be at least 1 (it is {limit}).");
            var store = host.Services.GetRequiredService<IGraphStore>();
            var detail = await GraphCommandErrors.Guard(() => store.GetEntityAsync(EntityKeys.Normalize(name), limit, cancellationToken));
            if (detail is null)
            {
                // Not a canonical key: link it as a question would be (alias, acronym, typo).
                var (_, linker) = await GraphCommandErrors.Guard(() => host.Services.GetRequiredService<GraphSnapshotCache>().GetAsync(cancellationToken));
                var link = linker.Link(name).FirstOrDefault()
                    ?? throw new UserFacingException($"No entity named \"{name}\" in the graph; `graph stats` shows what is there.");
                detail = await store.GetEntityAsync(link.Key, limit, cancellationToken);
            }
            if (parse.GetValue(json))
            {
                CliJson.Write(detail);
                return 0;
            }
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(detail!.Name)}[/] [grey]({Markup.Escape(detail.Type)}, key \"{Markup.Escape(detail.Key)}\", in {detail.Chunks} passages)[/]");
            if (detail.Aliases.Count > 0)
                AnsiConsole.MarkupLine($"aliases: {Markup.Escape(string.Join(", ", detail.Aliases))}");
            // Facts (typed relations) and co-occurrence are shown apart: being named in one sentence states nothing.
            var facts = detail.Neighbours.Where(n => n.Relation != RelationTypes.CoOccurs).ToList();
            var together = detail.Neighbours.Where(n => n.Relation == RelationTypes.CoOccurs).ToList();
            if (facts.Count > 0)
            {
                var table = new Table().RoundedBorder().Title("Relations stated in the notes").AddColumns("Relation", "Neighbour", "Weight", "Evidence");
                foreach (var n in facts)
                {
                    var relation = n.Outgoing ? $"—{n.Relation}→" : $"←{n.Relation}—";
                    table.AddRow(Markup.Escape(relation), $"{Markup.Escape(n.Name)}\n[grey]{Markup.Escape(n.Type)}[/]", n.Weight.ToString(), Evidence(n));
                }
                AnsiConsole.Write(table);
            }
            if (together.Count > 0)
            {
                var table = new Table().RoundedBorder().Title("Named in the same sentence (co-occurrence, not a stated relation)").AddColumns("Neighbour", "Sentences", "Example");
                foreach (var n in together)
                    table.AddRow($"{Markup.Escape(n.Name)}\n[grey]{Markup.Escape(n.Type)}[/]", n.Weight.ToString(), Evidence(n));
                AnsiConsole.Write(table);
            }
            return 0;
        });
        return command;
    }

    private static string Evidence(EntityNeighbour n) =>
        Markup.Escape(string.Join("\n", n.Evidence.Select(e => "• " + (e.Length > 200 ? e[..200] + "…" : e))));
}
