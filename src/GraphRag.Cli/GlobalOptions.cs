using System.CommandLine;

namespace GraphRag.Cli;

/// <summary>Options every command accepts, before or after the command name.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "SQLite database file (default: GraphRag:Database in appsettings.json)",
        Recursive = true,
    };

    public static readonly Option<string?> Config = new("--config")
    {
        Description = "An extra JSON settings file, layered over appsettings.json",
        Recursive = true,
    };
}
