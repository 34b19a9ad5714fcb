using System.CommandLine;
using GraphRag.Statistics;

namespace GraphRag.Cli.Commands.Stats;

/// <summary>The subcommands on counts: proportions (two groups) and binomial (one group).</summary>
internal static class CountCommands
{
    public static Command Proportions()
    {
        var a = new Argument<string>("a") { Description = "Reference group as events/total, e.g. 45/10000" };
        var b = new Argument<string>("b") { Description = "Compared group as events/total, e.g. 59/10000" };
        var options = new StatsOptions();
        var command = new Command("proportions", "Compare two proportions: z, chi-square (with and without Yates), Fisher; risk difference, relative risk, odds ratio, NNT") { a, b };
        options.AddTo(command, withAlternative: false);
        command.SetGuardedAction((parse, _) =>
        {
            var comparison = ProportionComparison.Compute(Proportion.Parse(parse.GetValue(a)!), Proportion.Parse(parse.GetValue(b)!), parse.GetValue(options.Level));
            var threshold = options.Threshold(parse);
            var tests = new[] { comparison.ZTest, comparison.ChiSquare, comparison.ChiSquareYates, comparison.Fisher }
                .Select(t => (Result: t, Report: EvidenceReport.Create(t, threshold, options.Relevance(parse, t.Effect)))).ToArray();
            if (parse.GetValue(options.Json))
            {
                StatsOutput.WriteJson(new
                {
                    a = Describe(comparison.A),
                    b = Describe(comparison.B),
                    zTest = TestOutput.From(tests[0].Result, tests[0].Report),
                    chiSquare = TestOutput.From(tests[1].Result, tests[1].Report),
                    chiSquareYates = TestOutput.From(tests[2].Result, tests[2].Report),
                    fisher = TestOutput.From(tests[3].Result, tests[3].Report),
                    riskDifference = comparison.RiskDifference,
                    relativeRisk = comparison.RelativeRisk,
                    oddsRatio = comparison.OddsRatio,
                    nnt = comparison.Nnt,
                });
                return Task.FromResult(0);
            }
            Spectre.Console.AnsiConsole.MarkupLine(
                $"A = {comparison.A} ({Percent(comparison.A.Rate)}), B = {comparison.B} ({Percent(comparison.B.Rate)}); effects are B relative to A.");
            StatsOutput.WriteTests(tests, threshold);
            StatsOutput.WriteEffects([comparison.RiskDifference, comparison.RelativeRisk, comparison.OddsRatio, comparison.Nnt]);
            return Task.FromResult(0);
        });
        return command;
    }

    public static Command Binomial()
    {
        var k = new Argument<long>("k") { Description = "Number of successes" };
        var n = new Argument<long>("n") { Description = "Number of trials" };
        var p = new Option<double>("--p") { Description = "Success probability under the null hypothesis", DefaultValueFactory = _ => 0.5 };
        var options = new StatsOptions();
        var command = new Command("binomial", "Exact binomial test with the Clopper–Pearson interval") { k, n, p };
        options.AddTo(command);
        command.SetGuardedAction((parse, _) =>
        {
            var result = BinomialTest.Exact(parse.GetValue(k), parse.GetValue(n), parse.GetValue(p), options.Alternative(parse), parse.GetValue(options.Level));
            return Task.FromResult(SampleTestCommands.Write(parse, options, result));
        });
        return command;
    }

    private static object Describe(Proportion p) => new { events = p.Events, total = p.Total, rate = p.Rate };

    private static string Percent(double rate) => (rate * 100).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
