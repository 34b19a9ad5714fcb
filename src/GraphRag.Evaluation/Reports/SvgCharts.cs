using System.Globalization;
using System.Net;
using System.Text;

namespace GraphRag.Evaluation.Reports;

/// <summary>Small inline SVG charts for report.html: no scripts, no external files.</summary>
public static class SvgCharts
{
    public static readonly string[] Palette = ["#3366cc", "#dc3912", "#109618", "#ff9900", "#990099", "#0099c6"];

    /// <summary>Grouped bars: one group per metric, one bar per series, each with its interval as a whisker. Values in [0, 1].</summary>
    public static string BarsWithIntervals(IReadOnlyList<string> groups, IReadOnlyList<string> series, Func<int, int, Interval> value)
    {
        const int height = 260, top = 20, bottom = 40, left = 40, barWidth = 26, gap = 30;
        var groupWidth = series.Count * barWidth + gap;
        var width = left + groups.Count * groupWidth + 20;
        var plot = height - top - bottom;
        var svg = Open(width, height + 20 * series.Count);
        AxisY(svg, left, top, plot, width);
        for (var g = 0; g < groups.Count; g++)
        {
            var x0 = left + g * groupWidth + gap / 2;
            for (var s = 0; s < series.Count; s++)
            {
                var v = value(g, s);
                var x = x0 + s * barWidth;
                var y = top + plot * (1 - Clamp(v.Mean));
                svg.Append($"<rect x=\"{x}\" y=\"{N(y)}\" width=\"{barWidth - 4}\" height=\"{N(top + plot - y)}\" fill=\"{Palette[s % Palette.Length]}\"><title>{E(series[s])} {E(groups[g])}: {N(v.Mean)} [{N(v.Low)}, {N(v.High)}]</title></rect>");
                var cx = x + (barWidth - 4) / 2.0;
                var yLow = top + plot * (1 - Clamp(v.Low));
                var yHigh = top + plot * (1 - Clamp(v.High));
                svg.Append($"<line x1=\"{N(cx)}\" x2=\"{N(cx)}\" y1=\"{N(yLow)}\" y2=\"{N(yHigh)}\" stroke=\"#222\"/>");
                svg.Append($"<line x1=\"{N(cx - 5)}\" x2=\"{N(cx + 5)}\" y1=\"{N(yLow)}\" y2=\"{N(yLow)}\" stroke=\"#222\"/><line x1=\"{N(cx - 5)}\" x2=\"{N(cx + 5)}\" y1=\"{N(yHigh)}\" y2=\"{N(yHigh)}\" stroke=\"#222\"/>");
            }
            svg.Append($"<text x=\"{x0 + series.Count * barWidth / 2}\" y=\"{top + plot + 18}\" text-anchor=\"middle\">{E(groups[g])}</text>");
        }
        Legend(svg, series, left, height);
        return Close(svg);
    }

    /// <summary>Per-query differences (A − B) as bars sorted from largest gain to largest loss, in [-1, 1].</summary>
    public static string Differences(IReadOnlyList<(string Id, double Difference)> rows, string label)
    {
        const int height = 220, top = 20, left = 40;
        var barWidth = Math.Max(3, Math.Min(14, 700 / Math.Max(1, rows.Count)));
        var width = left + rows.Count * barWidth + 20;
        var mid = top + (height - top - 20) / 2.0;
        var half = (height - top - 20) / 2.0;
        var svg = Open(width, height + 10);
        svg.Append($"<line x1=\"{left}\" x2=\"{width - 10}\" y1=\"{N(mid)}\" y2=\"{N(mid)}\" stroke=\"#888\"/>");
        svg.Append($"<text x=\"4\" y=\"{top + 4}\">+1</text><text x=\"4\" y=\"{N(mid + 4)}\">0</text><text x=\"4\" y=\"{N(mid + half)}\">−1</text>");
        var sorted = rows.OrderByDescending(r => r.Difference).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var d = Math.Clamp(sorted[i].Difference, -1, 1);
            var y = d >= 0 ? mid - d * half : mid;
            var color = d >= 0 ? "#109618" : "#dc3912";
            svg.Append($"<rect x=\"{left + i * barWidth}\" y=\"{N(y)}\" width=\"{barWidth - 1}\" height=\"{N(Math.Max(0.5, Math.Abs(d) * half))}\" fill=\"{color}\"><title>{E(sorted[i].Id)}: {N(sorted[i].Difference)}</title></rect>");
        }
        svg.Append($"<text x=\"{left}\" y=\"{height + 5}\">{E(label)}</text>");
        return Close(svg);
    }

    /// <summary>Recall@1..k curves, one line per series.</summary>
    public static string Curves(IReadOnlyList<string> series, IReadOnlyList<IReadOnlyList<double>> curves)
    {
        const int width = 520, height = 260, top = 20, bottom = 40, left = 40, right = 20;
        var plot = height - top - bottom;
        var k = curves.Max(c => c.Count);
        var svg = Open(width, height + 20 * series.Count);
        AxisY(svg, left, top, plot, width - right);
        double X(int i) => left + (k == 1 ? 0 : (width - left - right) * (double)i / (k - 1));
        for (var i = 0; i < k; i++)
            svg.Append($"<text x=\"{N(X(i))}\" y=\"{top + plot + 16}\" text-anchor=\"middle\">{i + 1}</text>");
        svg.Append($"<text x=\"{(width + left) / 2}\" y=\"{top + plot + 32}\" text-anchor=\"middle\">k</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var points = string.Join(' ', curves[s].Select((v, i) => $"{N(X(i))},{N(top + plot * (1 - Clamp(v)))}"));
            svg.Append($"<polyline fill=\"none\" stroke=\"{Palette[s % Palette.Length]}\" stroke-width=\"2\" points=\"{points}\"><title>{E(series[s])}</title></polyline>");
        }
        Legend(svg, series, left, height);
        return Close(svg);
    }

    private static void AxisY(StringBuilder svg, int left, int top, int plot, int right)
    {
        for (var t = 0; t <= 4; t++)
        {
            var y = top + plot * (1 - t / 4.0);
            svg.Append($"<line x1=\"{left}\" x2=\"{right}\" y1=\"{N(y)}\" y2=\"{N(y)}\" stroke=\"#e4e4e4\"/>");
            svg.Append($"<text x=\"{left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{N(t / 4.0)}</text>");
        }
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<string> series, int left, int y)
    {
        for (var s = 0; s < series.Count; s++)
            svg.Append($"<rect x=\"{left}\" y=\"{y + 20 * s - 8}\" width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/><text x=\"{left + 18}\" y=\"{y + 20 * s + 2}\">{E(series[s])}</text>");
    }

    private static StringBuilder Open(int width, int height) =>
        new($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">");

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static double Clamp(double v) => double.IsFinite(v) ? Math.Clamp(v, 0, 1) : 0;

    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
