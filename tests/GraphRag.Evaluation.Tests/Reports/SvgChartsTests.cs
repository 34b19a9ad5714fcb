using System.Xml.Linq;
using GraphRag.Evaluation.Reports;

namespace GraphRag.Evaluation.Tests.Reports;

/// <summary>The report's charts: well-formed SVG with a title, labelled axes and every label the data names.</summary>
public sealed class SvgChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Parse(string svg)
    {
        var root = XElement.Parse(svg);
        Assert.Equal(Svg + "svg", root.Name);
        return root;
    }

    private static List<string> Texts(XElement svg) =>
        svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();

    [Fact]
    public void Bars_with_intervals_name_the_chart_its_axes_every_group_and_every_series()
    {
        var svg = Parse(SvgCharts.BarsWithIntervals("Mean per mode", "metric", "mean over queries",
            ["ndcg@10", "recall@10"], ["lexical", "dense & graph"], (g, s) => new Interval(0.5 + 0.1 * g, 0.3, 0.6 + 0.1 * g + 0.05 * s)));
        var texts = Texts(svg);
        Assert.Contains("Mean per mode", texts);
        Assert.Contains("metric", texts);
        Assert.Contains("mean over queries", texts);
        Assert.Contains("ndcg@10", texts);
        Assert.Contains("recall@10", texts);
        Assert.Contains("lexical", texts);
        Assert.Contains("dense & graph", texts); // escaped in the SVG, read back whole
    }

    [Fact]
    public void Per_query_differences_label_every_query_and_colour_gains_and_losses()
    {
        (string, double)[] rows = [("q1", 0.5), ("q2", -0.25), ("q3", 0.0), ("hotpot-5a8b57f25542995d1e6f1371", 1.0)];
        var text = SvgCharts.Differences("nDCG@10: lexical − dense, per query", "nDCG@10 difference", rows);
        var texts = Texts(Parse(text));
        Assert.Contains("nDCG@10: lexical − dense, per query", texts);
        Assert.Contains("nDCG@10 difference", texts);
        Assert.Contains("query (sorted by difference)", texts);
        Assert.All(rows, row => Assert.Contains(row.Item1, texts));
        // Sorted from the largest gain to the largest loss: the ids are written in that order.
        var order = texts.Where(t => rows.Any(r => r.Item1 == t)).ToList();
        Assert.Equal(["hotpot-5a8b57f25542995d1e6f1371", "q1", "q3", "q2"], order);
        // The two gains green, the loss red, one bar each; the tie has no height and draws nothing.
        Assert.Equal(2, CountFill(text, "#109618"));
        Assert.Equal(1, CountFill(text, "#DC3912"));
    }

    [Fact]
    public void Curves_name_the_chart_both_axes_and_each_series()
    {
        var texts = Texts(Parse(SvgCharts.Curves("Recall@1…3", "k", "recall@k", ["lexical", "dense"],
            [[0.2, 0.5, 0.9], [0.1, 0.3, 0.4]])));
        Assert.Contains("Recall@1…3", texts);
        Assert.Contains("k", texts);
        Assert.Contains("recall@k", texts);
        Assert.Contains("lexical", texts);
        Assert.Contains("dense", texts);
        Assert.Contains("3", texts);
    }

    [Fact]
    public void Charts_in_one_page_never_share_an_element_id()
    {
        // Clip paths are referenced by id: two charts with the same ids would clip each other's plots.
        var page = "<div>" + SvgCharts.Curves("A", "k", "recall@k", ["x"], [[0.1, 0.2]])
            + SvgCharts.Curves("B", "k", "recall@k", ["x"], [[0.3, 0.4]]) + "</div>";
        var ids = XElement.Parse(page).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private static int CountFill(string svg, string color) =>
        XElement.Parse(svg).Descendants().Count(e => string.Equals((string?)e.Attribute("fill"), color, StringComparison.OrdinalIgnoreCase)
            && e.Name.LocalName is "rect" or "path");
}
