using System.Text.Json;
using Spectre.Console;

namespace GraphRag.Cli.Tests.Stats;

/// <summary>Runs the command line in-process with Console (and Spectre's console) captured.</summary>
internal static class StatsConsole
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
    }

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<Result> RunAsync(params string[] args)
    {
        await OneAtATime.WaitAsync();
        var (originalOut, originalError, originalAnsi) = (Console.Out, Console.Error, AnsiConsole.Console);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Console.SetOut(stdout);
            Console.SetError(stderr);
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(stdout),
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            AnsiConsole.Profile.Width = 240;
            var exitCode = await GraphRagCommandLine.Create().Parse(args).InvokeAsync();
            return new Result(exitCode, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            AnsiConsole.Console = originalAnsi;
            OneAtATime.Release();
        }
    }
}

/// <summary>Tests that swap Console.Out must not run beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console output (stats)";
}
