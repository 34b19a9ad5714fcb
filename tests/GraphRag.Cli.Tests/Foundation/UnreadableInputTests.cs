using System.Diagnostics;
using Dapper;
using GraphRag.Tests;
using Microsoft.Data.Sqlite;

namespace GraphRag.Cli.Tests.Foundation;

/// <summary>
/// A batch skips what it cannot read, naming each path with its reason, and ingests the rest; a
/// symbolic link loop is followed once. Real files, real permissions, the real command line.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnreadableInputTests : IDisposable
{
    private const string Note = "# Bilby burrows\n\nBilbies dig spiral burrows up to three metres long in the desert.\n";

    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        if (Directory.Exists(Locked))
            File.SetUnixFileMode(Locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _dir.Dispose();
    }

    private string Locked => _dir.File("tree/locked");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unreadable_subfolder_is_named_with_its_reason_and_every_readable_file_goes_in()
    {
        var tree = Directory.CreateDirectory(_dir.File("tree")).FullName;
        var locked = Directory.CreateDirectory(Locked).FullName;
        await File.WriteAllTextAsync(Path.Combine(locked, "hidden-away.md"), Note, Ct);
        await File.WriteAllTextAsync(Path.Combine(tree, "bilbies.md"), Note, Ct);
        var other = Directory.CreateDirectory(_dir.File("other")).FullName;
        await File.WriteAllTextAsync(Path.Combine(other, "numbats.md"), Note.Replace("Bilby burrows", "Numbat diet").Replace("Bilbies dig", "Numbats eat"), Ct);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        var db = _dir.File("g.db");

        var result = await RunWithoutPermissionOverridesAsync("ingest", tree, other, "--db", db);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains($"error: {locked}: cannot list the folder (Access to the path '{locked}' is denied.)", Flat(result.Stderr));
        Assert.DoesNotContain("Unexpected failure", result.Output);
        Assert.Equal(["Bilby burrows", "Numbat diet"], Titles(db));
    }

    [Fact]
    public async Task A_symbolic_link_loop_ingests_each_file_once()
    {
        var notes = Directory.CreateDirectory(_dir.File("notes")).FullName;
        await File.WriteAllTextAsync(Path.Combine(notes, "bilbies.md"), Note, Ct);
        Directory.CreateSymbolicLink(Path.Combine(notes, "loop"), notes);
        Directory.CreateSymbolicLink(Path.Combine(notes, "again"), notes);
        var db = _dir.File("g.db");

        var result = await CliProcess.RunAsync(_dir.Path, "ingest", notes, "--db", db, "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(["Bilby burrows"], Titles(db));
    }

    /// <summary>
    /// As root every folder is readable, so when the tests run as root the command runs without the two
    /// capabilities that let root ignore permissions (setpriv drops them from the bounding set). It stays
    /// root, so it still reaches a build output under a folder only root may enter (a clone in mktemp -d).
    /// </summary>
    private async Task<CliProcess.Result> RunWithoutPermissionOverridesAsync(params string[] args)
    {
        var info = CliProcess.StartInfo(_dir.Path, null, args);
        if (Environment.UserName == "root")
        {
            var command = new List<string> { "--bounding-set=-dac_override,-dac_read_search", info.FileName };
            command.AddRange(info.ArgumentList);
            info.FileName = "setpriv";
            info.ArgumentList.Clear();
            foreach (var arg in command)
                info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return new CliProcess.Result(process.ExitCode, await stdout, await stderr);
    }

    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s*\n\s*", " ");

    private static List<string> Titles(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection.Query<string>("SELECT title FROM articles ORDER BY title").AsList();
    }
}
