using System.CommandLine;
using GraphRag.Statistics;
using Spectre.Console;

namespace GraphRag.Cli.Commands.Stats;

/// <summary><c>stats bootstrap A.csv [--statistic mean|median] [--method bca|percentile]</c>.</summary>
internal static class ResamplingCommands
{
    public static Command Bootstrap()
    {
        var a = new Argument<string>("a") { Description = "File of the sample: one number per line (a header line is allowed)" };
        var statistic = new Option<string>("--statistic") { Description = "mean or median", DefaultValueFactory = _ => "mean" };
        var method = new Option<string>("--method") { Description = "bca or percentile", DefaultValueFactory = _ => "bca" };
        var iterations = new Option<int>("--iterations") { Description = "Bootstrap resamples", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var level = new Option<double>("--level") { Description = "Confidence level", DefaultValueFactory = _ => 0.95 };
        var command = new Command("bootstrap", "Bootstrap confidence interval of a mean or median (BCa or percentile)") { a, statistic, method, iterations, seed, json, level };
        command.SetGuardedAction((parse, _) =>
        {
            var x = SampleFile.Read(parse.GetValue(a)!);
            var chosen = parse.GetValue(method)?.ToLowerInvariant() switch
            {
                "bca" => BootstrapMethod.BCa,
                "percentile" => BootstrapMethod.Percentile,
                var other => throw new ArgumentException($"--method must be bca or percentile (got '{other}')."),
            };
            var result = parse.GetValue(statistic)?.ToLowerInvariant() switch
            {
                "mean" => Statistics.Bootstrap.MeanInterval(x, parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(level), chosen),
                "median" => Statistics.Bootstrap.MedianInterval(x, parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(level), chosen),
                var other => throw new ArgumentException($"--statistic must be mean or median (got '{other}')."),
            };
            if (parse.GetValue(json))
            {
                StatsOutput.WriteJson(result);
                return Task.FromResult(0);
            }
            StatsOutput.WriteEffects([result.ToEffect()]);
            AnsiConsole.MarkupLine($"[grey]n = {x.Length}; bootstrap standard error {StatsOutput.N(result.StandardError)}[/]");
            return Task.FromResult(0);
        });
        return command;
    }
}
