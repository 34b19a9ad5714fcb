using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Spectre.Console;

namespace GraphRag.Bench.Micro;

/// <summary>
/// Micro-benchmarks on BenchmarkDotNet: operations of microseconds to milliseconds, where its warm-up, pilot stage,
/// outlier removal, confidence intervals and allocation counts beat a hand-written timing loop. Each class marks a
/// baseline measured in the same run, so the Ratio column is the figure to quote. Runs in process (no generated
/// project to build); `micro --filter '*Tokenizer*'` picks classes, as BenchmarkDotNet's switcher does.
/// The suites that time whole pipelines (ingestion, search, generation) stay on <see cref="Measure"/>.
/// </summary>
public sealed class MicroSuite : IBenchSuite
{
    public string Name => "micro";
    public string Description => "BenchmarkDotNet: query-encoder cache hit vs model; our GPT-2 tokenizer vs Microsoft.ML.Tokenizers alone";

    public Task RunAsync(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15).WithLaunchCount(1))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "graphrag-bench-micro"));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(QueryEncodingBenchmarks), typeof(TokenizerBenchmarks)])
            .Run(args.Length > 0 ? args : ["--filter", "*"], config);
        if (summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)))
            AnsiConsole.MarkupLine("[red]some benchmarks failed; see the log above[/]");
        return Task.CompletedTask;
    }

    /// <summary>The assets folder (scripts/fetch-assets.sh), as the other suites find it.</summary>
    public static string Assets(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable("GRAPHRAG_ASSETS") ?? Path.Combine(Foundation.SyntheticCorpus.RepoRoot, ".assets"), name);
}
