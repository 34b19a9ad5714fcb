using System.CommandLine;
using Spectre.Console;

namespace GraphRag.Cli;

/// <summary>
/// Runs a command's action so that bad input ends in one clear line and a non-zero exit code,
/// never a stack trace. Set GRAPHRAG_DEBUG=1 to see the trace of an unexpected failure.
/// </summary>
public static class CommandActions
{
    public const int UserError = 2;
    public const int Failure = 1;

    public static void SetGuardedAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await action(parse, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                WriteError("Cancelled.");
                return 130;
            }
            catch (Exception ex) when (IsUserError(ex))
            {
                WriteError(ex.Message);
                return UserError;
            }
            catch (GraphRag.Store.DatabaseBusyException ex)
            {
                // Expected while another process holds a long write: the message says what to do.
                WriteError(ex.Message);
                return Failure;
            }
            catch (Exception ex)
            {
                WriteError($"Unexpected failure ({ex.GetType().Name}): {ex.Message}");
                if (Environment.GetEnvironmentVariable("GRAPHRAG_DEBUG") == "1")
                    Console.Error.WriteLine(ex);
                return Failure;
            }
        });

    /// <summary>Failures caused by what the user gave us: their message is enough.</summary>
    public static bool IsUserError(Exception ex) => ex is UserFacingException or ArgumentException
        or FormatException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException
        or NotSupportedException or GraphRag.Ingest.IngestionException or Microsoft.Extensions.Options.OptionsValidationException;

    public static void WriteError(string message) => WriteToStandardError("[red]error:[/]", message);

    /// <summary>Something the user must know although the command did its work (on stderr, also when it is not a terminal).</summary>
    public static void WriteWarning(string message) => WriteToStandardError("[yellow]warning:[/]", message);

    private static void WriteToStandardError(string label, string message)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.MarkupLine($"{label} {Markup.Escape(message)}");
    }
}
