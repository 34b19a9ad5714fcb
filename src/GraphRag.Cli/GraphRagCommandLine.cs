using System.CommandLine;
using GraphRag.Cli.Commands;

namespace GraphRag.Cli;

/// <summary>The command tree. Each command lives in Commands/ and exposes a static Create().</summary>
public static class GraphRagCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("GraphRag: ingest your notes, ask them questions, measure retrieval quality.");
        root.Add(GlobalOptions.Database);
        root.Add(GlobalOptions.Config);
        foreach (var command in Commands())
            root.Add(command);
        return root;
    }

    private static IEnumerable<Command> Commands() =>
    [
        IngestCommand.Create(),
        WatchCommand.Create(),
        SearchCommand.Create(),
        AskCommand.Create(),
        EmbedCommand.Create(),
        GenerateCommand.Create(),
        EvalCommand.Create(),
        StatsCommand.Create(),
        GraphCommand.Create(),
        ClaimsCommand.Create(),
        ServeCommand.Create(),
        McpCommand.Create(),
    ];
}
