using System.Diagnostics;
using Spectre.Console;

namespace GraphRag.Bench.Cli;

/// <summary>
/// Process time of whole CLI commands (search, ask, embed) on the notes: the self-contained ReadyToRun composite that
/// ./graphrag publishes and runs (artifacts/cli) against the plain JIT build (src/GraphRag.Cli/bin/Release, run with
/// `dotnet`), alternately, median of N each.
/// Wall time and the process's CPU time (user + system, which other work on the machine inflates less).
/// Needs both builds: `dotnet build src/GraphRag.Cli -c Release` and `./graphrag --help`. Usage: startup [runs=7]
/// </summary>
public sealed class StartupSuite : IBenchSuite
{
    public string Name => "startup";

    public string Description => "process time of `search`, `ask`, `embed`: ReadyToRun publish vs plain JIT build, alternated [runs=7]";

    public async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0]) : 7;
        var repo = FindRepository();
        var builds = new (string Label, string Program, string[] Prefix)[]
        {
            ("JIT build (baseline)", "dotnet", [Path.Combine(repo, "src/GraphRag.Cli/bin/Release/net10.0/GraphRag.Cli.dll")]),
            ("ReadyToRun composite (./graphrag)", Path.Combine(repo, "artifacts/cli/GraphRag.Cli"), []),
        };
        foreach (var path in new[] { builds[0].Prefix[0], builds[1].Program })
        {
            if (!File.Exists(path))
                throw new InvalidOperationException($"{path} is missing; run `dotnet build src/GraphRag.Cli -c Release` and `./graphrag --help` first.");
        }
        var work = Directory.CreateTempSubdirectory("graphrag-bench-startup").FullName;
        var database = Path.Combine(work, "notes.db");
        await RunAsync(builds[1].Program, ["ingest", Path.Combine(repo, "corpus"), "--db", database]);

        var commands = new (string Name, string[] Arguments)[]
        {
            ("search", ["search", "why p-values mislead", "--db", database]),
            ("ask", ["ask", "What does a relative risk of 1.31 mean in absolute terms?", "--db", database]),
            ("embed", ["embed", "first text", "second text"]),
        };
        var table = new Table().AddColumns("command", "build", "wall ms (median)", "CPU ms (median)", "wall × baseline", "CPU × baseline");
        foreach (var (name, arguments) in commands)
        {
            var samples = builds.Select(_ => (Wall: new List<double>(), Cpu: new List<double>())).ToArray();
            foreach (var build in builds) await RunAsync(build.Program, [.. build.Prefix, .. arguments]); // warm the file cache
            for (var run = 0; run < runs; run++)
            {
                for (var b = 0; b < builds.Length; b++)
                {
                    var (wall, cpu) = await RunAsync(builds[b].Program, [.. builds[b].Prefix, .. arguments]);
                    samples[b].Wall.Add(wall);
                    samples[b].Cpu.Add(cpu);
                }
            }
            double baseWall = Median(samples[0].Wall), baseCpu = Median(samples[0].Cpu);
            for (var b = 0; b < builds.Length; b++)
            {
                double wall = Median(samples[b].Wall), cpu = Median(samples[b].Cpu);
                table.AddRow(name, builds[b].Label, wall.ToString("F0"), cpu.ToString("F0"), (wall / baseWall).ToString("F2"), (cpu / baseCpu).ToString("F2"));
            }
        }
        AnsiConsole.Write(table);
        Directory.Delete(work, true);
    }

    /// <summary>Runs a process to completion; returns its wall and CPU milliseconds.</summary>
    private static async Task<(double WallMs, double CpuMs)> RunAsync(string program, string[] arguments)
    {
        var cpuBefore = ChildrenCpuMilliseconds();
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        await output;
        return (wall, ChildrenCpuMilliseconds() - cpuBefore);
    }

    /// <summary>User + system CPU of every child process reaped so far (getrusage RUSAGE_CHILDREN): an exited process's /proc entry is gone.</summary>
    private static double ChildrenCpuMilliseconds()
    {
        if (GetResourceUsage(-1, out var usage) != 0)
            throw new InvalidOperationException("getrusage(RUSAGE_CHILDREN) failed.");
        return (usage.UserSeconds + usage.SystemSeconds) * 1e3 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1e3;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        private unsafe fixed long _rest[14];
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return Measure.Percentile(sorted, 0.5);
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GraphRag.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("Run the startup suite from inside the repository.");
    }
}
