using System.Text.RegularExpressions;
using GraphRag.Claims.Formulas;

namespace GraphRag.Claims.Finding;

/// <summary>
/// Finds values stated with the arithmetic that produces them, line by line:
/// chains of equalities ("(1/6 × 1/6) = 1/36, or 2.8%", "c = 4 * -2 = -8", "… divided by (4 – 2), which
/// equals 100") and a value followed by its formula in brackets ("1,560 (52 x 30)", "18% (18/100)").
/// Only formulas made of numbers count (a side with a variable, "y = 100x", is algebra, not a claim),
/// and lines of program code ("a += b", "x => y") are skipped.
/// </summary>
internal static partial class CalculationFinder
{
    public static IEnumerable<Claim> Find(ClaimText text)
    {
        var value = text.Value;
        var lineStart = 0;
        while (lineStart < value.Length)
        {
            var newline = value.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? value.Length : newline;
            if (!CodeRegex().IsMatch(value.AsSpan(lineStart, lineEnd - lineStart)))
            {
                foreach (var claim in Equalities(text, lineStart, lineEnd)) yield return claim;
                foreach (var claim in ValuesWithFormula(text, lineStart, lineEnd)) yield return claim;
            }
            lineStart = lineEnd + 1;
        }
    }

    private static IEnumerable<Claim> Equalities(ClaimText text, int lineStart, int lineEnd)
    {
        var value = text.Value;
        var connectors = Ranged.Matches(ConnectorRegex(), value, lineStart, lineEnd);
        var chain = new List<FormulaRun>();
        for (var i = 0; i < connectors.Count; i++)
        {
            var segmentStart = i == 0 ? lineStart : connectors[i - 1].Index + connectors[i - 1].Length;
            var nextStart = i + 1 < connectors.Count ? connectors[i + 1].Index : lineEnd;
            var left = FormulaRuns.Before(value, segmentStart, connectors[i].Index);
            var right = FormulaRuns.After(value, connectors[i].Index + connectors[i].Length, nextStart);
            // The chain goes on while each side is the whole segment between two connectors.
            if (chain.Count > 0 && (left is null || left.Value.Start != chain[^1].Start))
            {
                if (Build(text, chain) is { } built) yield return built;
                chain.Clear();
            }
            if (left is null || right is null) continue;
            if (chain.Count == 0) chain.Add(left.Value);
            chain.Add(right.Value);
        }
        if (Build(text, chain) is { } last) yield return last;
    }

    /// <summary>A chain of sides: the first side that computes is the formula, the others are what the text says it equals (plus an "…, or 2.8%" after the last).</summary>
    private static Claim? Build(ClaimText text, List<FormulaRun> chain)
    {
        if (chain.Count < 2) return null;
        var sides = chain.ToList();
        var end = sides[^1].End;
        var alternative = AlternativeRegex().Match(text.Value, end);
        if (alternative.Success)
        {
            var g = alternative.Groups["v"];
            sides.Add(new FormulaRun(g.Value, g.Index, g.Index + g.Length));
        }
        var parsed = new List<(FormulaRun Run, Formula Formula)>();
        foreach (var side in sides)
        {
            if (!Formula.TryParse(side.Text, out var formula) || formula!.Variables.Count > 0) return null;
            parsed.Add((side, formula));
        }
        var computing = parsed.FindIndex(p => p.Formula.Computes);
        if (computing < 0) return null;
        var stated = parsed.Where((_, i) => i != computing).Select(p => p.Run.Text).ToList();
        return ClaimFinder.Build(ClaimKind.Calculation, text, sides[0].Start, sides[^1].End) with
        {
            Calculation = new Calculation(parsed[computing].Run.Text, stated),
        };
    }

    private static IEnumerable<Claim> ValuesWithFormula(ClaimText text, int lineStart, int lineEnd)
    {
        foreach (var m in Ranged.Matches(ValueWithFormulaRegex(), text.Value, lineStart, lineEnd))
        {
            var formulaText = m["f"].Value;
            if (!Formula.TryParse(formulaText, out var formula) || !formula!.Computes || formula.Variables.Count > 0) continue;
            yield return ClaimFinder.Build(ClaimKind.Calculation, text, m.Index, m.Index + m.Length) with
            {
                Calculation = new Calculation(formulaText, [m["v"].Value]),
            };
        }
    }

    // "=", "≈" and the words for them, but not "<=", ">=", "!=", "==" or "=>".
    [GeneratedRegex(@"\s*(?:(?<![<>!=+\-*/:])=(?![=>])|≈|≅|,?\s*\b(?:which\s+)?equals\b|\bis\s+equal\s+to\b)\s*")]
    private static partial Regex ConnectorRegex();

    // Program code: compound assignment, lambdas, comparisons.
    [GeneratedRegex(@"\+=|-=|\*=|/=|=>|==|!=|:=|<-")]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"\G\s*,?\s*or\s+(?<v>[-−]?\d[\d,]*(?:\.\d+)?\s?%)")]
    private static partial Regex AlternativeRegex();

    [GeneratedRegex(@"(?<![\w.,])(?<v>[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?%?)\s\((?<f>[^()\n]{1,200}?(?:\([^()\n]*\)[^()\n]*?)*)\)")]
    private static partial Regex ValueWithFormulaRegex();
}
