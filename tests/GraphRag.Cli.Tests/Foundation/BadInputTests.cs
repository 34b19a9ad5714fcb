using System.Text.Json;
using GraphRag.Tests;

namespace GraphRag.Cli.Tests.Foundation;

/// <summary>Each bad input the foundation issue names: a clear message naming the file, nothing lost.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.txt", [], "empty" },
        { "binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00], "binary" },
        // "café" saved as Latin-1: 0xE9 starts a UTF-8 sequence that never continues.
        { "latin1.txt", [.. "notes about caf"u8, 0xE9, 0x20, 0x61, 0x6E, 0x64], "UTF-8" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_named_with_its_problem_and_the_good_file_beside_it_goes_in(string name, byte[] content, string problem)
    {
        var folder = Path.Combine(_dir.Path, "notes");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, name), content, Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "good.md"), "# Good note\n\nReciprocal rank fusion combines rankings.\n", Ct);

        var result = await CliProcess.RunAsync(_dir.Path, "ingest", folder, "--db", _dir.File("db.sqlite"), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Output);
        var files = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("files").EnumerateArray().ToList();
        var bad = files.Single(f => f.GetProperty("path").GetString()!.EndsWith(name));
        Assert.Equal("failed", bad.GetProperty("status").GetString());
        Assert.Contains(problem, bad.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ingested", files.Single(f => f.GetProperty("path").GetString()!.EndsWith("good.md")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_20_MB_file_is_refused_by_name_without_reading_it()
    {
        var big = _dir.File("huge.txt");
        await using (var stream = File.Create(big))
            stream.SetLength(20L * 1024 * 1024);
        var result = await CliProcess.RunAsync(_dir.Path, "ingest", big, "--db", _dir.File("db.sqlite"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("huge.txt", result.Output);
        Assert.Contains("MB", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Fact]
    public async Task A_missing_path_is_reported_and_fails_the_run()
    {
        var result = await CliProcess.RunAsync(_dir.Path, "ingest", _dir.File("nope.md"), "--db", _dir.File("db.sqlite"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope.md", result.Output);
    }

    [Fact]
    public async Task A_bom_and_crlf_file_reads_like_any_other()
    {
        var file = _dir.File("windows.md");
        await File.WriteAllBytesAsync(file, [0xEF, 0xBB, 0xBF, .. "# Windows note\r\n\r\nWritten with CRLF line endings about BM25.\r\n"u8.ToArray()], Ct);
        var ingest = await CliProcess.RunAsync(_dir.Path, "ingest", file, "--db", _dir.File("db.sqlite"));
        Assert.True(ingest.ExitCode == 0, ingest.Output);
        var search = await CliProcess.RunAsync(_dir.Path, "search", "CRLF", "--json", "--db", _dir.File("db.sqlite"));
        var hit = JsonDocument.Parse(search.Stdout).RootElement.EnumerateArray().Single();
        Assert.Equal("Windows note", hit.GetProperty("title").GetString());
        Assert.DoesNotContain("\r", hit.GetProperty("text").GetString());
    }
}
