using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace GraphRag.Evaluation.Reports;

/// <summary>
/// The report's charts, drawn by ScottPlot as SVG to inline in report.html (no scripts, no external files). Each
/// takes the data and returns one &lt;svg&gt; element with a title and labelled axes.
/// </summary>
public static partial class SvgCharts
{
    private static readonly Color Gain = Color.FromHex("#109618");
    private static readonly Color Loss = Color.FromHex("#dc3912");

    /// <summary>A sans-serif font the text is measured with (ScottPlot's own choice here is DejaVu Serif).</summary>
    private static readonly string ChartFont = new[] { "DejaVu Sans", "Liberation Sans" }.FirstOrDefault(SkiaSharp.SKFontManager.Default.FontFamilies.Contains) ?? Fonts.Sans;

    /// <summary>
    /// Grouped bars: one group per <paramref name="groups"/> entry (e.g. a metric or a question type), one bar per
    /// series (e.g. a mode) with its interval as a whisker. Values in [0, 1].
    /// </summary>
    public static string BarsWithIntervals(string title, string groupLabel, string valueLabel,
        IReadOnlyList<string> groups, IReadOnlyList<string> series, Func<int, int, Interval> value)
    {
        using var plot = NewPlot(title, groupLabel, valueLabel);
        var slot = series.Count + 1;
        for (var s = 0; s < series.Count; s++)
        {
            var positions = Enumerable.Range(0, groups.Count).Select(g => (double)(g * slot + s)).ToArray();
            var intervals = Enumerable.Range(0, groups.Count).Select(g => value(g, s)).ToArray();
            var means = intervals.Select(v => Unit(v.Mean)).ToArray();
            plot.Add.Bars(positions.Select((x, g) => new Bar { Position = x, Value = means[g], FillColor = SeriesColor(s) }).ToList())
                .LegendText = series[s];
            // The intervals (bootstrap BCa) are not symmetric about the mean: whiskers below and above it are drawn apart.
            var whiskers = plot.Add.ErrorBar(positions, means, new double[groups.Count]);
            whiskers.YErrorNegative = intervals.Select((v, g) => means[g] - Unit(v.Low)).ToArray();
            whiskers.YErrorPositive = intervals.Select((v, g) => Unit(v.High) - means[g]).ToArray();
            whiskers.Color = Colors.Black;
        }
        plot.Axes.Bottom.SetTicks(groups.Select((_, g) => g * slot + (series.Count - 1) / 2.0).ToArray(), groups.ToArray());
        plot.Axes.SetLimits(-1, groups.Count * slot - 1, 0, 1);
        plot.ShowLegend(Edge.Right);
        return Render(plot, Math.Max(480, 120 + groups.Count * slot * 24), 320);
    }

    /// <summary>
    /// Per-query differences (A − B), one bar per query labelled with its id, sorted from the largest gain to the
    /// largest loss; gains green, losses red. Differences in [-1, 1].
    /// </summary>
    public static string Differences(string title, string valueLabel, IReadOnlyList<(string Id, double Difference)> rows)
    {
        using var plot = NewPlot(title, "query (sorted by difference)", valueLabel);
        var sorted = rows.OrderByDescending(r => r.Difference).ToList();
        plot.Add.Bars(sorted.Select((row, i) => new Bar
        {
            Position = i,
            Value = Math.Clamp(Finite(row.Difference), -1, 1),
            FillColor = row.Difference >= 0 ? Gain : Loss,
            LineWidth = 0,
        }).ToList());
        plot.Axes.Bottom.SetTicks(sorted.Select((_, i) => (double)i).ToArray(), sorted.Select(r => r.Id).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -90;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        // Room below the axis for the longest id written upwards (about 6.5 px a character at 10 px), and the axis label.
        var labelRoom = 40 + 6.5f * sorted.Select(r => r.Id.Length).DefaultIfEmpty(0).Max();
        plot.Axes.Bottom.MinimumSize = labelRoom;
        plot.Axes.SetLimits(-1, sorted.Count, -1, 1);
        return Render(plot, Math.Max(480, 100 + sorted.Count * 14), 300 + (int)labelRoom);
    }

    /// <summary>One line per series over x = 1..n (e.g. recall@k for k = 1..10, one line per mode). Values in [0, 1].</summary>
    public static string Curves(string title, string xLabel, string yLabel, IReadOnlyList<string> series,
        IReadOnlyList<IReadOnlyList<double>> curves)
    {
        using var plot = NewPlot(title, xLabel, yLabel);
        for (var s = 0; s < series.Count; s++)
        {
            var line = plot.Add.Scatter(Enumerable.Range(1, curves[s].Count).Select(x => (double)x).ToArray(),
                curves[s].Select(Unit).ToArray(), SeriesColor(s));
            line.LegendText = series[s];
            line.LineWidth = 2;
        }
        var n = curves.Max(c => c.Count);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(1, n).Select(x => (double)x).ToArray(), Enumerable.Range(1, n).Select(x => x.ToString()).ToArray());
        plot.Axes.SetLimits(0.5, n + 0.5, 0, 1.02);
        plot.ShowLegend(Edge.Right);
        return Render(plot, 600, 320);
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFont);
        plot.Title(title, size: 15);
        plot.XLabel(xLabel, size: 12);
        plot.YLabel(yLabel, size: 12);
        return plot;
    }

    /// <summary>
    /// The SVG element alone (no XML declaration), ready to inline: its ids (clip paths) prefixed by a hash of the
    /// chart, so that several charts in one page never refer to each other's clip paths, and a generic sans-serif
    /// after the measured font for a browser that lacks it.
    /// </summary>
    private static string Render(Plot plot, int width, int height)
    {
        var svg = plot.GetSvgXml(width, height);
        svg = svg[svg.IndexOf("<svg", StringComparison.Ordinal)..];
        var prefix = "c" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(svg)), 0, 4).ToLowerInvariant() + "-";
        svg = IdReference().Replace(svg, m => m.Groups["head"].Value + prefix);
        return FontFamily().Replace(svg, m => $"font-family=\"{m.Groups["family"].Value}, sans-serif\"");
    }

    private static Color SeriesColor(int index) => Colors.Category10[index % Colors.Category10.Length];

    private static double Unit(double v) => Math.Clamp(Finite(v), 0, 1);

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;

    [GeneratedRegex("""(?<head>\bid="|url\(#|href="#)""")]
    private static partial Regex IdReference();

    [GeneratedRegex(@"font-family=""(?<family>[^""]*)""")]
    private static partial Regex FontFamily();
}
