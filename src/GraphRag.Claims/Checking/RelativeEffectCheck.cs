using System.Globalization;
using System.Text.RegularExpressions;
using GraphRag.Statistics;

namespace GraphRag.Claims.Checking;

/// <summary>
/// Checks a relative effect against the absolute figures the text gives for it. A ratio computed in
/// the text ("11%/0.07% = 157 times") is recomputed, and the two figures it divides are traced to
/// where they were introduced: a share of all deaths over an individual's risk is no relative risk.
/// Otherwise counts or rates in the paragraph or the ones either side that give the same ratio
/// (within 10%) back it. Only a relative effect about a risk, with neither, is flagged as relative only.
/// </summary>
internal static partial class RelativeEffectCheck
{
    public const string AskForAbsolute = "Relative to what? What are the absolute risks in each group (e.g. cases per 10,000 people), and the absolute difference?";

    /// <summary>How close a ratio from nearby counts must be to the stated one to back it.</summary>
    private const double BackingTolerance = 0.10;

    public static ClaimCheck Check(Claim claim, IReadOnlyList<Claim> claims, ClaimText text)
    {
        var ratio = RatioOf(claim);
        var quoted = claim.Text.Replace("*", "").Trim();
        var stated = ratio is { } r ? $"a ratio of {r.ToString("0.###", CultureInfo.InvariantCulture)}" : "a relative effect";
        if (claim.Calculation is { } calculation)
            return Computed(claim, calculation, quoted, text);
        if (Backing(claim, ratio, claims, text) is { } found)
        {
            var (rate, comparison) = found;
            return new ClaimCheck(claim,
                $"'{quoted}' states {stated}; the counts nearby ({rate.Number("a")} versus {rate.Number("b")} per {Show.N(rate.Number("per")!.Value)}) " +
                $"give a relative risk of {comparison.RelativeRisk.Value:0.00}, consistent with it, and an absolute difference of only {Show.Points(comparison.RiskDifference.Value)} percentage points.")
            {
                Comparison = comparison,
                Questions = ["Is the absolute difference given the same prominence as the relative one?"],
            };
        }
        if (claim.Kind == ClaimKind.TimesMore && !RiskRegex().IsMatch(claim.Sentence))
            return new ClaimCheck(claim, $"'{quoted}' states {stated}, a comparison that is not about a risk: no baseline is needed.");
        return new ClaimCheck(claim, $"'{quoted}' states {stated} only: with no absolute figures nearby it says nothing about how many people are affected.")
        {
            Flags = [ClaimFlag.RelativeOnly],
            Correction = "Give the absolute risk in each group (e.g. cases per 10,000 people) and their difference beside the relative effect.",
            Questions = [AskForAbsolute],
        };
    }

    private static ClaimCheck Computed(Claim claim, Calculation calculation, string quoted, ClaimText text)
    {
        var check = CalculationCheck.Check(claim);
        if (check.IsFlagged) return check;
        var operands = PercentRatioRegex().Match(calculation.Formula);
        if (!operands.Success)
            return check with { Finding = $"'{quoted}' is computed in the text from the figures it gives: {check.Finding}" };
        var formulaAt = text.Value.LastIndexOf(calculation.Formula, claim.Start, StringComparison.Ordinal);
        var (excludeStart, excludeEnd) = formulaAt >= 0 ? (formulaAt, claim.End) : (claim.Start, claim.End);
        var (a, b) = (operands.Groups["a"].Value.Trim(), operands.Groups["b"].Value.Trim());
        var arithmetic = $"{calculation.Formula.Trim()} = {Show.Num(check.Recomputation!.Recomputed)}, as stated";
        var (aKind, aContext) = Denominators.Of(text, a, excludeStart, excludeEnd);
        var (bKind, bContext) = Denominators.Of(text, b, excludeStart, excludeEnd);
        if (aKind != Denominator.Unknown && bKind != Denominator.Unknown && aKind != bKind)
        {
            return check with
            {
                Finding = $"'{quoted}' divides {a} by {b} ({arithmetic}), but {a} is {Describe(aKind)} (\"{Shorten(aContext)}\") and {b} {Describe(bKind)} (\"{Shorten(bContext)}\"): " +
                          "with different denominators the ratio is not a relative risk.",
                Flags = [ClaimFlag.IncommensurableRatio],
                Correction = "Compare like with like: each cause's share of all deaths, or each one's risk of death per person exposed.",
                Questions = ["What is the risk per person exposed for each, over the same period?"],
            };
        }
        return check with { Finding = $"'{quoted}' is the ratio of {a} to {b}, both given in the text ({arithmetic})." };
    }

    private static string Describe(Denominator kind) => kind == Denominator.ShareOfEvents ? "a share of events (deaths, cases)" : "a person's risk";

    private static string Shorten(string sentence)
    {
        var flat = sentence.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 100 ? flat : flat[..100] + "…";
    }

    /// <summary>Counts in the claim's paragraph or the ones either side whose relative risk matches the claimed ratio.</summary>
    private static (Claim Rate, ProportionComparison Comparison)? Backing(Claim claim, double? ratio, IReadOnlyList<Claim> claims, ClaimText text)
    {
        if (ratio is not { } r) return null;
        var near = text.NeighbourhoodOf(claim.Start);
        return claims
            .Where(c => c.Kind == ClaimKind.RatePerPopulation && c.Number("b") is not null && near.Start <= c.Start && c.End <= near.End)
            .Select(c => (Claim: c, Comparison: ProportionComparison.Compute(
                new Proportion((long)c.Number("a")!.Value, (long)c.Number("per")!.Value),
                new Proportion((long)c.Number("b")!.Value, (long)c.Number("per")!.Value))))
            .Where(c => Math.Abs(c.Comparison.RelativeRisk.Value - r) <= BackingTolerance * r)
            .OrderBy(c => Math.Abs(c.Claim.Start - claim.Start))
            .Select(c => ((Claim, ProportionComparison)?)c)
            .FirstOrDefault();
    }

    /// <summary>The claimed ratio: "32% increased" → 1.32, "20% lower" → 0.8, "RR 1.3" → 1.3, "157 times greater" → 157.</summary>
    private static double? RatioOf(Claim claim)
    {
        if (claim.Number("value") is not { } value) return null;
        if (claim.Kind == ClaimKind.TimesMore) return value;
        if (claim.Number("sign") is { } sign) return 1 + sign * value / 100;
        return value;
    }

    // A ratio of two percentages, "11%/0.07%".
    [GeneratedRegex(@"^\s*(?<a>\d[\d,]*(?:\.\d+)?\s?%)\s*[/÷]\s*(?<b>\d[\d,]*(?:\.\d+)?\s?%)\s*$")]
    private static partial Regex PercentRatioRegex();

    [GeneratedRegex(@"risk|chance|odds|likel|\brate|incidence|mortality|death|\bdie|dying|cases|cancer|disease|hazard|fatal", RegexOptions.IgnoreCase)]
    private static partial Regex RiskRegex();
}
