using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphRag.Statistics;
using Spectre.Console;

namespace GraphRag.Cli.Commands.Stats;

/// <summary>One test as printed by --json: the result, the threshold it was judged against, and the warnings.</summary>
public sealed record TestOutput(
    string MethodName,
    string StatisticName,
    double Statistic,
    double PValue,
    double Confidence,
    EffectSize Effect,
    IReadOnlyList<EffectSize> SecondaryEffects,
    Alternative Alternative,
    double? DegreesOfFreedom,
    IReadOnlyList<string> Notes,
    SignificanceThreshold Threshold,
    bool MeetsThreshold,
    IReadOnlyList<EvidenceWarning> Warnings,
    string Summary)
{
    public static TestOutput From(TestResult result, EvidenceReport report) => new(
        result.MethodName, result.StatisticName, result.Statistic, result.PValue, result.Confidence, result.Effect,
        result.SecondaryEffects, result.Alternative, result.DegreesOfFreedom, result.Notes, report.Threshold,
        report.MeetsThreshold, report.Warnings, report.Summary);
}

/// <summary>Human and JSON output for the stats subcommands: confidence and effect always side by side.</summary>
internal static class StatsOutput
{
    /// <summary>CliJson's shape, plus NaN/Infinity as strings (one-sided intervals and NNT intervals reach infinity).</summary>
    public static readonly JsonSerializerOptions Json = new(CliJson.Options)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    public static void WriteTests(IReadOnlyList<(TestResult Result, EvidenceReport Report)> tests, SignificanceThreshold threshold)
    {
        var table = new Table().RoundedBorder()
            .AddColumns("Test", "p", "Confidence (1 − p)", "Effect size [[interval]]", $"α = {N(threshold.Alpha)}");
        foreach (var (result, report) in tests)
        {
            var effects = new[] { result.Effect }.Concat(result.SecondaryEffects);
            var statistic = $"{result.StatisticName} = {N(result.Statistic)}" + (result.DegreesOfFreedom is { } df ? $", df = {N(df)}" : "");
            table.AddRow(
                $"{Markup.Escape(result.MethodName)}\n[grey]{Markup.Escape(statistic)}[/]",
                Format.P(result.PValue),
                Format.Percent(result.Confidence),
                Markup.Escape(string.Join("\n", effects.Select(e => $"{e.Name}: {N(e.Value)} {Interval(e)}"))),
                report.MeetsThreshold ? "[green]met[/]" : "not met");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]Threshold α = {N(threshold.Alpha)}: {Markup.Escape(threshold.Reason)}[/]");
        foreach (var (result, report) in tests)
        {
            foreach (var warning in report.Warnings)
                AnsiConsole.MarkupLine($"[yellow]warning ({Markup.Escape(Kebab(warning.Kind))}):[/] {Markup.Escape(warning.Message)}");
            foreach (var note in result.Notes)
                AnsiConsole.MarkupLine($"[grey]note: {Markup.Escape(note)}[/]");
        }
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(EvidenceReport.PValueCaveat)}[/]");
    }

    public static void WriteEffects(IEnumerable<EffectSize> effects)
    {
        var table = new Table().RoundedBorder().AddColumns("Effect size", "Estimate", "Interval", "Interval method");
        foreach (var e in effects)
            table.AddRow(Markup.Escape(e.Name), N(e.Value), Markup.Escape(Interval(e)), Markup.Escape(e.CiMethod));
        AnsiConsole.Write(table);
        foreach (var e in effects.Where(e => e.Note is not null))
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(e.Name)}: {Markup.Escape(e.Note!)}[/]");
    }

    /// <summary>The interval as text; CiLow &gt; CiHigh marks one that passes through infinity (an NNT whose risk difference may be 0).</summary>
    public static string Interval(EffectSize e)
    {
        var level = (e.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        if (double.IsNaN(e.CiLow)) return "(no interval)";
        return e.CiLow > e.CiHigh
            ? $"[{N(e.CiLow)}, ∞) ∪ (−∞, {N(e.CiHigh)}] {level}"
            : $"[{N(e.CiLow)}, {N(e.CiHigh)}] {level}";
    }

    public static string N(double value) => value switch
    {
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "−∞",
        _ => value.ToString("G4", CultureInfo.InvariantCulture),
    };

    private static string Kebab(EvidenceWarningKind kind) => kind switch
    {
        EvidenceWarningKind.SignificantButNegligible => "significant but negligible",
        _ => "large but uncertain",
    };
}
