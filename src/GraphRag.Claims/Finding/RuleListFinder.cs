using System.Globalization;
using System.Text.RegularExpressions;
using GraphRag.Claims.Formulas;

namespace GraphRag.Claims.Finding;

/// <summary>
/// Finds lists of values next to the rule that generates them: a paragraph of at least three items
/// "x unit: ≈ value" ("- 4 dice: ≈ 14.4%") and, in it or the paragraph either side, a formula in one
/// variable ("1 — (5/6)^n — n*(1/6)*(5/6)^(n-1)"), Markdown emphasis and escapes ("**", "n\*(1/6)")
/// removed. The formula is taken to generate the list only when it reproduces at least one item (a
/// formula that matches none is more likely a step on the way, "P(zero ones) = (5/6)^n", than the
/// list's rule); of several, the one reproducing most items wins, then the one whose variable the text
/// defines as the items' count ("n is the number of dice"), then the last written ("So the complete
/// formula is: …"). Every item becomes a claim stating the formula's value at its x.
/// </summary>
internal static partial class RuleListFinder
{
    private const int MinimumItems = 3;

    public static IEnumerable<Claim> Find(ClaimText text)
    {
        for (var p = 0; p < text.Paragraphs.Count; p++)
        {
            var items = Items(text, p);
            if (items.Count < MinimumItems) continue;
            var rule = BestRule(text, p, items);
            if (rule is null) continue;
            foreach (var item in items)
            {
                yield return ClaimFinder.Build(ClaimKind.Calculation, text, item.Start, item.End) with
                {
                    Calculation = new Calculation(rule.Value.Formula.Text, [item.Stated])
                    {
                        Variables = new Dictionary<string, double> { [rule.Value.Variable] = item.X },
                    },
                };
            }
        }
    }

    private readonly record struct Item(double X, string Unit, string Stated, int Start, int End);

    private readonly record struct Rule(Formula Formula, string Variable, int Position);

    private static List<Item> Items(ClaimText text, int paragraph)
    {
        var span = text.Paragraphs[paragraph];
        return Ranged.Matches(ItemRegex(), text.Value, span.Start, span.End)
            .Select(m => new Item(
                double.Parse(m["x"].Value, CultureInfo.InvariantCulture),
                m["unit"].Value.Trim(),
                m["v"].Value,
                m["x"].Index,
                m["v"].Index + m["v"].Length))
            .ToList();
    }

    private static Rule? BestRule(ClaimText text, int paragraph, List<Item> items)
    {
        var candidates = new List<(Rule Rule, int Agreeing, bool Defined)>();
        for (var p = Math.Max(0, paragraph - 1); p <= Math.Min(text.Paragraphs.Count - 1, paragraph + 1); p++)
        {
            var span = text.Paragraphs[p];
            var paragraphText = text.Of(span);
            foreach (var (formula, position) in Formulas(text, span.Start, span.End))
            {
                var variable = formula.Variables.Single();
                var agreeing = Agreeing(formula, variable, items);
                if (agreeing < 0) continue;
                var defined = Regex.IsMatch(paragraphText, $@"\b{Regex.Escape(variable)}\s+is\s+the\s+number\s+of\s+{Regex.Escape(items[0].Unit)}\b", RegexOptions.IgnoreCase);
                if (agreeing > 0)
                    candidates.Add((new Rule(formula, variable, position), agreeing, defined));
            }
        }
        return candidates.Count == 0 ? null
            : candidates.OrderByDescending(c => c.Agreeing).ThenByDescending(c => c.Defined).ThenByDescending(c => c.Rule.Position).First().Rule;
    }

    /// <summary>Formulas in one variable written on the lines of text[start..end): a line, or what follows its last ':' or '='.</summary>
    private static IEnumerable<(Formula Formula, int Position)> Formulas(ClaimText text, int start, int end)
    {
        foreach (var line in Ranged.Matches(LineRegex(), text.Value, start, end))
        {
            var body = line["body"];
            var plain = MarkdownRegex().Replace(body.Value, m => m.Groups["escaped"].Success ? m.Groups["escaped"].Value : "");
            var candidates = new[] { plain, AfterLast(plain, ':'), AfterLast(plain, '=') }.Distinct();
            foreach (var candidate in candidates)
            {
                if (candidate.Trim().Length == 0 || !Formula.TryParse(candidate, out var formula)) continue;
                if (formula!.Computes && formula.Variables.Count == 1)
                {
                    yield return (formula, body.Index);
                    break;
                }
            }
        }
    }

    /// <summary>How many items the formula reproduces, or −1 when it cannot be evaluated at every item.</summary>
    private static int Agreeing(Formula formula, string variable, List<Item> items)
    {
        var agreeing = 0;
        foreach (var item in items)
        {
            try
            {
                var recomputed = formula.Evaluate(variable, item.X);
                var stated = StatedValue.Parse(item.Stated);
                if (Math.Abs(stated.Value - recomputed) <= stated.Tolerance) agreeing++;
            }
            catch (FormulaException)
            {
                return -1;
            }
        }
        return agreeing;
    }

    private static string AfterLast(string text, char separator)
    {
        var at = text.LastIndexOf(separator);
        return at < 0 ? "" : text[(at + 1)..];
    }

    // "- 4 dice: ≈ 14.4%", "n = 12: 61.9%"-like items: a number, a unit word, a colon or equals sign, an optional ≈, a value.
    [GeneratedRegex(@"^[ \t]*(?:[-*•+][ \t]+|\d+[.)][ \t]+)?(?<x>\d+(?:\.\d+)?)[ \t]+(?<unit>\p{L}[\p{L} ]{0,20}?)[ \t]*[:=][ \t]*(?:≈|~|about|approx\.?|=)?[ \t]*(?<v>[-−]?\d+(?:\.\d+)?[ \t]?%?)(?:\\?\*)*[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ItemRegex();

    // Markdown bold/italic markers and backslash escapes: "**1 — (5/6)^n**", "n\*(1/6)".
    [GeneratedRegex(@"\\(?<escaped>[*_\\])|\*\*|__")]
    private static partial Regex MarkdownRegex();

    // A line without a block-quote or list marker.
    [GeneratedRegex(@"^[ \t]*(?:>[ \t]*)*(?:[-*•][ \t]+|\*)?(?<body>[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex LineRegex();
}
