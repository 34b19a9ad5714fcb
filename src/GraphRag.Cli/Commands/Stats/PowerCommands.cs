using System.CommandLine;
using GraphRag.Statistics;
using Spectre.Console;

namespace GraphRag.Cli.Commands.Stats;

/// <summary><c>stats power ttest|proportions</c>: give --n for the power, or --power for the sample size.</summary>
internal static class PowerCommands
{
    public static Command Create()
    {
        var command = new Command("power", "Power of a test, or the sample size needed for a power (as R's power.t.test / power.prop.test)");
        command.Add(TTest());
        command.Add(Proportions());
        return command;
    }

    private static Command TTest()
    {
        var delta = new Option<double>("--delta") { Description = "The true difference in means to detect", Required = true };
        var sd = new Option<double>("--sd") { Description = "Standard deviation", DefaultValueFactory = _ => 1 };
        var type = new Option<string>("--type") { Description = "two-sample, one-sample or paired", DefaultValueFactory = _ => "two-sample" };
        var (n, power, alpha, oneSided, json) = Common();
        var command = new Command("ttest", "Power or sample size of a t-test") { delta, sd, type, n, power, alpha, oneSided, json };
        command.SetGuardedAction((parse, _) =>
        {
            var design = parse.GetValue(type) switch
            {
                "two-sample" => TTestDesign.TwoSample,
                "one-sample" => TTestDesign.OneSample,
                "paired" => TTestDesign.Paired,
                var other => throw new ArgumentException($"--type must be two-sample, one-sample or paired (got '{other}')."),
            };
            var twoSided = !parse.GetValue(oneSided);
            var result = Solve(parse, n, power,
                size => PowerAnalysis.TTestPower(size, parse.GetValue(delta), parse.GetValue(sd), parse.GetValue(alpha), design, twoSided),
                wanted => PowerAnalysis.TTestSampleSize(parse.GetValue(delta), wanted, parse.GetValue(sd), parse.GetValue(alpha), design, twoSided));
            return Task.FromResult(Write(parse, json, result));
        });
        return command;
    }

    private static Command Proportions()
    {
        var p1 = new Option<double>("--p1") { Description = "Rate in group 1", Required = true };
        var p2 = new Option<double>("--p2") { Description = "Rate in group 2", Required = true };
        var (n, power, alpha, oneSided, json) = Common();
        var command = new Command("proportions", "Power or sample size for comparing two proportions") { p1, p2, n, power, alpha, oneSided, json };
        command.SetGuardedAction((parse, _) =>
        {
            var twoSided = !parse.GetValue(oneSided);
            var result = Solve(parse, n, power,
                size => PowerAnalysis.ProportionsPower(size, parse.GetValue(p1), parse.GetValue(p2), parse.GetValue(alpha), twoSided),
                wanted => PowerAnalysis.ProportionsSampleSize(parse.GetValue(p1), parse.GetValue(p2), wanted, parse.GetValue(alpha), twoSided));
            return Task.FromResult(Write(parse, json, result));
        });
        return command;
    }

    private static (Option<double?> N, Option<double?> Power, Option<double> Alpha, Option<bool> OneSided, Option<bool> Json) Common() => (
        new Option<double?>("--n") { Description = "Sample size (per group; pairs for paired): computes the power" },
        new Option<double?>("--power") { Description = "Wanted power: computes the sample size" },
        new Option<double>("--alpha") { Description = "Significance level", DefaultValueFactory = _ => 0.05 },
        new Option<bool>("--one-sided") { Description = "One-sided test" },
        new Option<bool>("--json") { Description = "Print JSON instead of text" });

    private static PowerResult Solve(ParseResult parse, Option<double?> n, Option<double?> power, Func<double, PowerResult> forN, Func<double, PowerResult> forPower) =>
        (parse.GetValue(n), parse.GetValue(power)) switch
        {
            ({ } size, null) => forN(size),
            (null, { } wanted) => forPower(wanted),
            _ => throw new ArgumentException("Give exactly one of --n (to get the power) or --power (to get the sample size)."),
        };

    private static int Write(ParseResult parse, Option<bool> json, PowerResult result)
    {
        if (parse.GetValue(json))
        {
            StatsOutput.WriteJson(new { result.Method, result.N, result.RequiredN, result.NMeaning, result.Power, result.Alpha, result.TwoSided, result.Effect });
            return 0;
        }
        AnsiConsole.MarkupLine(Markup.Escape(result.Method));
        AnsiConsole.MarkupLine(Markup.Escape($"  {result.Effect}, α = {StatsOutput.N(result.Alpha)}, {(result.TwoSided ? "two-sided" : "one-sided")}"));
        AnsiConsole.MarkupLine(Markup.Escape($"  n = {result.N.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture)} {result.NMeaning} (round up: {result.RequiredN})"));
        AnsiConsole.MarkupLine(Markup.Escape($"  power = {Format.Percent(result.Power)}"));
        return 0;
    }
}
