using System.Text.RegularExpressions;
using GraphRag.Claims.Formulas;

namespace GraphRag.Claims;

/// <summary>
/// A value as a text states it, with the rounding its digits allow: "14.4%" is 0.144 give or take
/// 0.001 (one unit of the last digit, so both rounding and truncation pass), "23%" 0.23 ± 0.01,
/// "— 26.6" −26.6 ± 0.1. A stated fraction ("1/36") is exact.
/// </summary>
internal readonly partial record struct StatedValue(double Value, double Tolerance)
{
    /// <exception cref="FormulaException">The text is not a number or a formula of numbers.</exception>
    public static StatedValue Parse(string stated)
    {
        var formula = Formula.Parse(stated);
        var value = formula.Evaluate();
        if (formula.Computes)
            return new StatedValue(value, 1e-9 * Math.Max(1, Math.Abs(value)));
        var digits = LiteralRegex().Match(stated);
        var decimals = digits.Groups["decimals"].Success ? digits.Groups["decimals"].Length : 0;
        var unit = Math.Pow(10, -decimals) * (stated.Contains('%') ? 0.01 : 1);
        return new StatedValue(value, unit);
    }

    [GeneratedRegex(@"\d[\d,]*(?:\.(?<decimals>\d+))?(?!.*\d)")]
    private static partial Regex LiteralRegex();
}
