using System.CommandLine;
using GraphRag.Cli.Commands.Graph;

namespace GraphRag.Cli.Commands;

/// <summary>
/// <c>graph stats | show ENTITY | communities | export --format graphml|cypher | sync</c>: the
/// knowledge graph extracted from the notes. Every subcommand takes --json.
/// </summary>
public static class GraphCommand
{
    public static Command Create() => new("graph", "The knowledge graph of your notes: entities, relations, themes")
    {
        GraphStatsCommand.Create(),
        GraphShowCommand.Create(),
        GraphCommunitiesCommand.Create(),
        GraphExportCommand.Create(),
        GraphSyncCommand.Create(),
    };
}
