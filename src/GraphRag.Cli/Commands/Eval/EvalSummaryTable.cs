using GraphRag.Evaluation.Reports;
using Spectre.Console;

namespace GraphRag.Cli.Commands.Eval;

/// <summary>The console view of an eval run: averages with intervals, then comparisons with verdicts.</summary>
public static class EvalSummaryTable
{
    public static void Write(EvalResults results, IReadOnlyList<Comparison>? againstBefore)
    {
        var k = results.K;
        var table = new Table().RoundedBorder().Title($"{Markup.Escape(results.Dataset)}: {results.Queries} queries, k = {k}")
            .AddColumns("mode", $"nDCG@{k} [[95% CI]]", $"recall@{k} [[95% CI]]", "MRR [[95% CI]]", "MAP", "search time");
        foreach (var mode in results.Modes)
        {
            table.AddRow(Markup.Escape(mode.Mode), Cell(mode, EvalResults.NdcgName(k)), Cell(mode, EvalResults.RecallName(k)),
                Cell(mode, EvalResults.MrrName), Figures.F(mode.Averages["map"]), $"{mode.SearchSeconds:F2} s");
        }
        AnsiConsole.Write(table);
        Comparisons("Paired comparisons (Holm-adjusted)", results.Comparisons);
        if (againstBefore is not null)
            Comparisons("Against the previous results (Holm-adjusted)", againstBefore);
    }

    private static void Comparisons(string title, IReadOnlyList<Comparison> comparisons)
    {
        if (comparisons.Count == 0)
            return;
        var table = new Table().RoundedBorder().Title(Markup.Escape(title)).AddColumns("A", "B", "metric", "A − B [[95% CI]]", "d_z", "p rand.", "p t", "verdict");
        foreach (var c in comparisons)
        {
            var color = c.Verdict switch { "improvement" => "green", "regression" => "red", "no significant change" => "grey", _ => "default" };
            table.AddRow(Markup.Escape(c.A), Markup.Escape(c.B), c.Metric,
                Markup.Escape($"{Figures.Signed(c.MeanDifference)} [{Figures.Signed(c.CiLow)}, {Figures.Signed(c.CiHigh)}]"),
                Figures.F(c.CohensDz, "F2"), Figures.P(c.RandomizationPHolm), Figures.P(c.TTestPHolm), $"[{color}]{Markup.Escape(c.Verdict)}[/]");
        }
        AnsiConsole.Write(table);
    }

    private static string Cell(ModeResult mode, string metric)
    {
        var i = mode.Intervals[metric];
        return Markup.Escape($"{Figures.F(i.Mean)} [{Figures.F(i.Low)}, {Figures.F(i.High)}]");
    }
}
