using System.Globalization;

namespace GraphRag.Evaluation.Reports;

/// <summary>How reports print numbers: invariant culture, a dash for what is not finite.</summary>
public static class Figures
{
    // Adding 0.0 turns -0.0 into 0.0, so an empty difference never prints as "-0.0000".
    public static string F(double value, string format = "F4") =>
        double.IsFinite(value) ? (value + 0.0).ToString(format, CultureInfo.InvariantCulture) : "–";

    public static string Signed(double value) => double.IsFinite(value) ? (value >= 0 ? "+" : "") + F(value) : "–";

    public static string P(double p) => !double.IsFinite(p) ? "–" : p < 0.0001 ? "< 0.0001" : F(p);
}
