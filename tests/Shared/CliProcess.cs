using System.Diagnostics;

namespace GraphRag.Tests;

/// <summary>
/// Runs the built command line (GraphRag.Cli.dll beside the tests of the projects that reference it)
/// as a real process (exit code, stdout and stderr as a user sees them), in a working directory of
/// the test's choosing so no stray appsettings.json applies.
/// </summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "GraphRag.Cli.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(CliDll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        // Wide, plain output: tables are not wrapped at 80 columns and carry no colour codes.
        info.Environment["COLUMNS"] = "200";
        info.Environment["NO_COLOR"] = "1";
        // The encoder is slow to load and not what these tests check; tests of dense search turn it on.
        info.Environment["GRAPHRAG_GraphRag__Embeddings__Enabled"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        return info;
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] args) =>
        await RunAsync(workingDirectory, null, args);

    public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A command that never ends (a server that should have refused to start) must not outlive the test.
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
