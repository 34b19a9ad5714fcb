using System.CommandLine;
using GraphRag.Agents.Mcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GraphRag.Cli.Commands;

/// <summary>
/// <c>mcp</c>: the notes as a Model Context Protocol server on stdin and stdout, for an AI assistant that
/// starts it as a child process. Stdout carries the protocol only (logs go to stderr); it runs until the
/// client closes stdin or Ctrl+C.
/// </summary>
public static class McpCommand
{
    public static Command Create()
    {
        var command = new Command("mcp",
            "Serve your notes to an AI assistant over the Model Context Protocol (stdio): search, ask, articles, the graph, claims");
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse, services => services.AddGraphRagMcpServer().WithStdioServerTransport());
            Guards.RequireIngested(host.Services);
            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
