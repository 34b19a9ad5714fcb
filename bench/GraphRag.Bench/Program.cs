using GraphRag.Bench;
using Spectre.Console;

// Usage: dotnet run -c Release --project bench/GraphRag.Bench -- SUITE [args]
// Each suite prints a table whose figures are ratios against a baseline measured in the same run.
// Wide tables stay readable when the output goes to a file (Spectre would wrap them at 80 columns).
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;
var suites = BenchSuites.All.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    AnsiConsole.MarkupLine("[bold]GraphRag benchmarks[/]: pass a suite name.");
    foreach (var s in BenchSuites.All)
        AnsiConsole.MarkupLine($"  [green]{s.Name}[/]  {Markup.Escape(s.Description)}");
    return args.Length == 0 ? 0 : 2;
}

// Redirected to a file, Spectre assumes 80 columns and wraps every table cell; the tables are wider.
if (Console.IsOutputRedirected)
    AnsiConsole.Profile.Width = 240;
AnsiConsole.MarkupLine($"[grey]{Markup.Escape(MachineInfo.Describe())}[/]");
await suite.RunAsync(args[1..]);
return 0;
