using System.CommandLine;
using System.Globalization;
using GraphRag.Statistics;
using Spectre.Console;

namespace GraphRag.Cli.Commands.Stats;

/// <summary><c>stats adjust</c> and <c>stats dice</c>: what running many tests does to chance findings.</summary>
internal static class MultiplicityCommands
{
    public static Command Adjust()
    {
        var pValues = new Argument<string[]>("p") { Description = "The p-values, in any order", Arity = ArgumentArity.OneOrMore };
        var method = new Option<string>("--method") { Description = "holm, bh (Benjamini–Hochberg) or bonferroni", DefaultValueFactory = _ => "holm" };
        var alpha = new Option<double>("--alpha") { Description = "Level for the chance of at least one false positive", DefaultValueFactory = _ => 0.05 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("adjust", "Adjust p-values for multiple comparisons (as R's p.adjust)") { pValues, method, alpha, json };
        command.SetGuardedAction((parse, _) =>
        {
            var values = parse.GetValue(pValues)!.Select(ParseP).ToArray();
            var chosen = parse.GetValue(method)?.ToLowerInvariant() switch
            {
                "holm" => AdjustmentMethod.Holm,
                "bh" or "fdr" => AdjustmentMethod.BenjaminiHochberg,
                "bonferroni" => AdjustmentMethod.Bonferroni,
                var other => throw new ArgumentException($"--method must be holm, bh or bonferroni (got '{other}')."),
            };
            var adjusted = MultipleComparisons.Adjust(values, chosen);
            var level = parse.GetValue(alpha);
            var familyWise = MultipleComparisons.FamilyWiseErrorRate(values.Length, level);
            if (parse.GetValue(json))
            {
                StatsOutput.WriteJson(new { method = chosen, pValues = values, adjusted, alpha = level, tests = values.Length, chanceOfAtLeastOneFalsePositive = familyWise });
                return Task.FromResult(0);
            }
            var table = new Table().RoundedBorder().AddColumns("#", "p", $"adjusted ({chosen})", $"adjusted ≤ {StatsOutput.N(level)}");
            for (var i = 0; i < values.Length; i++)
                table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Format.P(values[i]), Format.P(adjusted[i]), adjusted[i] <= level ? "yes" : "no");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"With {values.Length} independent tests at α = {StatsOutput.N(level)} and no real effects, the chance of at least one false positive is {Format.Percent(familyWise)}.");
            return Task.FromResult(0);
        });
        return command;
    }

    public static Command Dice()
    {
        var dice = new Argument<int>("n") { Description = "How many dice are thrown" };
        var atLeast = new Option<int>("--at-least") { Description = "How many ones count as a 'finding'", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("dice", "The significance article's dice example: the chance of at least two ones among n dice") { dice, atLeast, json };
        command.SetGuardedAction((parse, _) =>
        {
            var n = parse.GetValue(dice);
            var k = parse.GetValue(atLeast);
            var probability = DiceExample.ProbabilityOfAtLeast(n, k);
            var table = Enumerable.Range(Math.Max(1, k), Math.Max(0, n - Math.Max(1, k) + 1))
                .Select(m => new { dice = m, probability = DiceExample.ProbabilityOfAtLeast(m, k) }).ToArray();
            if (parse.GetValue(json))
            {
                StatsOutput.WriteJson(new { dice = n, atLeast = k, probability, formula = "1 − (5/6)^n − n·(1/6)·(5/6)^(n−1) for at least two", table });
                return Task.FromResult(0);
            }
            var view = new Table().RoundedBorder().AddColumns("Dice", $"P(at least {k} ones)");
            foreach (var row in table) view.AddRow(row.dice.ToString(CultureInfo.InvariantCulture), Format.Percent(row.probability));
            AnsiConsole.Write(view);
            AnsiConsole.MarkupLine($"Throw {n} dice and a '{k} ones' result, rare with {k} dice, has a {Format.Percent(probability)} chance: look at enough places and chance looks significant.");
            return Task.FromResult(0);
        });
        return command;
    }

    private static double ParseP(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
            ? p
            : throw new FormatException($"'{text}' is not a p-value (a number between 0 and 1).");
}
