using System.CommandLine;
using GraphRag.Graph.Export;
using GraphRag.Graph.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Cli.Commands.Graph;

/// <summary><c>graph export --format graphml|cypher [--output FILE]</c>: the entity graph for Gephi, networkx or Neo4j.</summary>
public static class GraphExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "graphml or cypher", Required = true };
        format.AcceptOnlyFromAmong(GraphExporter.GraphMl, GraphExporter.Cypher);
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: standard output)" };
        var json = new Option<bool>("--json") { Description = "With --output: print what was written as JSON" };
        var command = new Command("export", "Write the entity graph as GraphML or a Cypher script") { format, output, json };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            Guards.RequireIngested(host.Services);
            var snapshot = await GraphCommandErrors.Guard(() => host.Services.GetRequiredService<IGraphStore>().LoadSnapshotAsync(cancellationToken));
            var path = parse.GetValue(output);
            var chosen = parse.GetValue(format)!;
            if (path is null)
            {
                if (parse.GetValue(json))
                    throw new ArgumentException("--json describes the written file: give --output FILE too.");
                GraphExporter.Write(snapshot, chosen, Console.Out);
                return 0;
            }
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null && !Directory.Exists(directory))
                throw new DirectoryNotFoundException($"{directory}: folder does not exist.");
            await using (var writer = new StreamWriter(path))
                GraphExporter.Write(snapshot, chosen, writer);
            var result = new { format = chosen, output = Path.GetFullPath(path), entities = snapshot.Entities.Count, relations = snapshot.Relations.Count };
            if (parse.GetValue(json))
                CliJson.Write(result);
            else
                Console.WriteLine($"Wrote {result.entities} entities and {result.relations} relations to {result.output} ({chosen}).");
            return 0;
        });
        return command;
    }
}
