using System.CommandLine;
using GraphRag.Statistics;

namespace GraphRag.Cli.Commands.Stats;

/// <summary>The subcommands that compare two samples read from files: ttest, mannwhitney, wilcoxon, permutation.</summary>
internal static class SampleTestCommands
{
    public static Command TTest()
    {
        var (a, b) = Files(secondOptional: true);
        var paired = new Option<bool>("--paired") { Description = "Paired t-test (a[i] and b[i] from the same unit)" };
        var equalVar = new Option<bool>("--equal-var") { Description = "Student's t-test (pooled variance) instead of Welch's" };
        var mu = new Option<double>("--mu") { Description = "Null mean for a one-sample test (only A given)" };
        var options = new StatsOptions();
        var command = new Command("ttest", "t-test: Welch by default (as R), --equal-var for Student, --paired, or one sample with --mu") { a, b, paired, equalVar, mu };
        options.AddTo(command);
        command.SetGuardedAction((parse, _) =>
        {
            var x = SampleFile.Read(parse.GetValue(a)!);
            var alternative = options.Alternative(parse);
            var level = parse.GetValue(options.Level);
            TestResult result;
            if (parse.GetValue(b) is not { } bPath)
            {
                result = TTests.OneSample(x, parse.GetValue(mu), alternative, level);
            }
            else
            {
                var y = SampleFile.Read(bPath);
                result = parse.GetValue(paired)
                    ? PairedTests.TTest(x, y, alternative, level)
                    : TTests.TwoSample(x, y, parse.GetValue(equalVar), alternative, level);
            }
            return Task.FromResult(Write(parse, options, result));
        });
        return command;
    }

    public static Command MannWhitney()
    {
        var (a, b) = Files();
        var (exact, approx, noCorrect) = RankOptions();
        var options = new StatsOptions();
        var command = new Command("mannwhitney", "Mann–Whitney U (Wilcoxon rank-sum) test with Cliff's delta; R's defaults for exact vs approximate") { a, b, exact, approx, noCorrect };
        options.AddTo(command);
        command.SetGuardedAction((parse, _) =>
        {
            var result = TwoSampleTests.MannWhitney(SampleFile.Read(parse.GetValue(a)!), SampleFile.Read(parse.GetValue(b)!),
                Method(parse, exact, approx), options.Alternative(parse), !parse.GetValue(noCorrect), parse.GetValue(options.Level));
            return Task.FromResult(Write(parse, options, result));
        });
        return command;
    }

    public static Command Wilcoxon()
    {
        var (a, b) = Files();
        var (exact, approx, noCorrect) = RankOptions();
        var options = new StatsOptions();
        var command = new Command("wilcoxon", "Wilcoxon signed-rank test of paired samples; R's defaults for exact vs approximate") { a, b, exact, approx, noCorrect };
        options.AddTo(command);
        command.SetGuardedAction((parse, _) =>
        {
            var result = PairedTests.WilcoxonSignedRank(SampleFile.Read(parse.GetValue(a)!), SampleFile.Read(parse.GetValue(b)!),
                Method(parse, exact, approx), options.Alternative(parse), !parse.GetValue(noCorrect), parse.GetValue(options.Level));
            return Task.FromResult(Write(parse, options, result));
        });
        return command;
    }

    public static Command Permutation()
    {
        var (a, b) = Files();
        var paired = new Option<bool>("--paired") { Description = "Sign-flip test of paired differences" };
        var seed = new Option<int>("--seed") { Description = "Random seed (Monte Carlo only)", DefaultValueFactory = _ => 1 };
        var iterations = new Option<int>("--iterations")
        {
            Description = "Random rearrangements; if all arrangements are at most this many, the test is exact",
            DefaultValueFactory = _ => 10_000,
        };
        var options = new StatsOptions();
        var command = new Command("permutation", "Randomisation test of the mean difference (exact when arrangements are few)") { a, b, paired, seed, iterations };
        options.AddTo(command);
        command.SetGuardedAction((parse, _) =>
        {
            var x = SampleFile.Read(parse.GetValue(a)!);
            var y = SampleFile.Read(parse.GetValue(b)!);
            var result = parse.GetValue(paired)
                ? PairedTests.PermutationTest(x, y, parse.GetValue(iterations), parse.GetValue(seed), options.Alternative(parse), parse.GetValue(options.Level))
                : TwoSampleTests.PermutationTest(x, y, parse.GetValue(iterations), parse.GetValue(seed), options.Alternative(parse), parse.GetValue(options.Level));
            return Task.FromResult(Write(parse, options, result));
        });
        return command;
    }

    internal static int Write(ParseResult parse, StatsOptions options, TestResult result)
    {
        var threshold = options.Threshold(parse);
        var report = EvidenceReport.Create(result, threshold, options.Relevance(parse, result.Effect));
        if (parse.GetValue(options.Json))
            StatsOutput.WriteJson(TestOutput.From(result, report));
        else
            StatsOutput.WriteTests([(result, report)], threshold);
        return 0;
    }

    private static (Argument<string> A, Argument<string?> B) Files(bool secondOptional = false) => (
        new Argument<string>("a") { Description = "File of sample A: one number per line (a header line is allowed)" },
        new Argument<string?>("b")
        {
            Description = "File of sample B" + (secondOptional ? " (omit for a one-sample test)" : ""),
            Arity = secondOptional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
        });

    private static (Option<bool> Exact, Option<bool> Approx, Option<bool> NoCorrect) RankOptions() => (
        new Option<bool>("--exact") { Description = "Force the exact p-value (no ties or zeros allowed)" },
        new Option<bool>("--approx") { Description = "Force the normal approximation (tie and continuity corrected)" },
        new Option<bool>("--no-correct") { Description = "Normal approximation without continuity correction" });

    private static PValueMethod Method(ParseResult parse, Option<bool> exact, Option<bool> approx) =>
        (parse.GetValue(exact), parse.GetValue(approx)) switch
        {
            (true, true) => throw new ArgumentException("Choose either --exact or --approx, not both."),
            (true, false) => PValueMethod.Exact,
            (false, true) => PValueMethod.Approximate,
            _ => PValueMethod.Auto,
        };
}
