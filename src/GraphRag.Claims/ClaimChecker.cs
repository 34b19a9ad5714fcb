using System.Globalization;

using GraphRag.Statistics;

namespace GraphRag.Claims;

/// <summary>
/// Works out what each claim's numbers allow, in the spirit of "The Statistical Significance Scam":
/// absolute as well as relative effects, intervals and p-values for counts, and a question for every
/// claim that states only a relative effect or only significance.
/// </summary>
public static class ClaimChecker
{
    /// <summary>How far (in characters) to look for absolute counts that back a relative claim.</summary>
    public const int ContextWindow = 2000;

    public const string AskForAbsolute = "Relative to what? What are the absolute risks in each group (e.g. cases per 10,000 people), and the absolute difference?";
    public const string AskForEffect = "How big is the effect, with its confidence interval? Which threshold was used, and why that one? How many comparisons were made?";

    public static IReadOnlyList<ClaimCheck> CheckAll(string text)
    {
        var claims = ClaimFinder.Find(text);
        return claims.Select(c => Check(c, claims)).ToList();
    }

    /// <summary>Checks one claim; <paramref name="context"/> (the other claims of the same text) lets a relative claim be cross-checked against counts nearby.</summary>
    public static ClaimCheck Check(Claim claim, IReadOnlyList<Claim> context) => claim.Kind switch
    {
        ClaimKind.RatePerPopulation => Rate(claim),
        ClaimKind.RelativeRisk or ClaimKind.TimesMore => Relative(claim, context),
        ClaimKind.OutOf => OutOf(claim),
        ClaimKind.PValue => PValue(claim),
        ClaimKind.StatisticalSignificance => Significance(claim),
        ClaimKind.ConfidenceLevel => Confidence(claim),
        _ => new ClaimCheck(claim, $"A percentage ({claim.Text.Trim()}): without its base it cannot be checked.")
        {
            Questions = ["Out of how many?"],
        },
    };

    private static ClaimCheck Rate(Claim claim)
    {
        var per = (long)claim.Number("per")!.Value;
        var a = (long)claim.Number("a")!.Value;
        if (claim.Number("b") is not { } bValue)
        {
            return new ClaimCheck(claim, $"{a} per {N(per)} is a rate of {Pct(a / (double)per)}.")
            {
                Questions = ["Compared with what baseline rate?"],
            };
        }
        var b = (long)bValue;
        var comparison = ProportionComparison.Compute(new Proportion(a, per), new Proportion(b, per));
        var rd = comparison.RiskDifference;
        var rr = comparison.RelativeRisk;
        var finding =
            $"{a} versus {b} per {N(per)}: absolute risk difference {Points(rd.Value)} percentage points " +
            $"[95% CI {Points(rd.CiLow)}, {Points(rd.CiHigh)}]; relative risk {rr.Value:0.00} [{rr.CiLow:0.00}, {rr.CiHigh:0.00}] " +
            $"(a {Pct(Math.Abs(rr.Value - 1))} {(rr.Value >= 1 ? "increase" : "decrease")}); Fisher's exact p = {Format.P(comparison.Fisher.PValue)} " +
            $"(confidence {Format.Percent(comparison.Fisher.Confidence)}); {comparison.Nnt.Name} ≈ {Math.Abs(comparison.Nnt.Value):0}" +
            (rd.IntervalIncludesNull ? " (its interval runs through infinity: no difference is also compatible)." : ".") +
            $" Intervals and p treat {N(per)} as the size of each group; a larger study narrows them but leaves the absolute difference.";
        return new ClaimCheck(claim, finding)
        {
            Comparison = comparison,
            Questions = ["How many people were actually in each group?", "Was exposure randomised, or could other differences between the groups explain it?"],
        };
    }

    /// <summary>
    /// A relative claim is backed when counts nearby give the same ratio (within 10%): then the absolute
    /// difference is there to be read. Otherwise it stands alone and is flagged.
    /// </summary>
    private static ClaimCheck Relative(Claim claim, IReadOnlyList<Claim> context)
    {
        var ratio = RatioOf(claim);
        var text = claim.Text.Replace("*", "").Trim();
        var stated = ratio is { } r ? $"a ratio of {r.ToString("0.###", CultureInfo.InvariantCulture)}" : "a relative effect";
        var backing = ratio is null || claim.Kind != ClaimKind.RelativeRisk ? null : context
            .Where(c => c.Kind == ClaimKind.RatePerPopulation && c.Number("b") is not null && Math.Abs(c.Start - claim.Start) <= ContextWindow)
            .Select(c => (Claim: c, Comparison: ProportionComparison.Compute(
                new Proportion((long)c.Number("a")!.Value, (long)c.Number("per")!.Value),
                new Proportion((long)c.Number("b")!.Value, (long)c.Number("per")!.Value))))
            .Where(c => Math.Abs(c.Comparison.RelativeRisk.Value - ratio.Value) <= 0.1 * ratio.Value)
            .OrderBy(c => Math.Abs(c.Claim.Start - claim.Start))
            .Select(c => ((Claim, ProportionComparison)?)c)
            .FirstOrDefault();
        if (backing is not { } found)
        {
            return new ClaimCheck(claim, $"'{text}' states {stated} only: without the baseline it says nothing about how many people are affected.")
            {
                Flags = [ClaimFlag.RelativeOnly],
                Questions = [AskForAbsolute],
            };
        }
        var (rate, comparison) = found;
        return new ClaimCheck(claim,
            $"'{text}' states {stated}; the counts nearby ({rate.Number("a")} versus {rate.Number("b")} per {N(rate.Number("per")!.Value)}) " +
            $"give a relative risk of {comparison.RelativeRisk.Value:0.00}, consistent with it, and an absolute difference of only {Points(comparison.RiskDifference.Value)} percentage points.")
        {
            Comparison = comparison,
            Questions = ["Is the absolute difference given the same prominence as the relative one?"],
        };
    }

    /// <summary>The claimed ratio: "32% increased" → 1.32, "20% lower" → 0.8, "RR 1.3" → 1.3, "157 times greater" → 157.</summary>
    private static double? RatioOf(Claim claim)
    {
        if (claim.Number("value") is not { } value) return null;
        if (claim.Kind == ClaimKind.TimesMore) return value;
        if (claim.Number("sign") is { } sign) return 1 + sign * value / 100;
        return value;
    }

    private static ClaimCheck OutOf(Claim claim)
    {
        var k = (long)claim.Number("k")!.Value;
        var n = (long)claim.Number("n")!.Value;
        if (k > n || n == 0)
            return new ClaimCheck(claim, $"{k} out of {n} is not a possible proportion.") { Questions = ["Are the numbers quoted correctly?"] };
        var effect = BinomialTest.Exact(k, n).Effect;
        return new ClaimCheck(claim, $"{k} out of {N(n)} = {Pct(effect.Value)} [95% CI {Pct(effect.CiLow)}, {Pct(effect.CiHigh)}, Clopper–Pearson].")
        {
            Proportion = effect,
            Questions = n < 100 ? ["With so few, the interval is wide: is the sample large enough for the conclusion drawn?"] : [],
        };
    }

    private static ClaimCheck PValue(Claim claim)
    {
        var p = claim.Number("value")!.Value;
        var bound = claim.Number("bound") switch { -1 => "below ", 1 => "above ", _ => "" };
        var finding = p is >= 0 and <= 1
            ? $"p {bound}{Format.P(p)}: confidence {bound}{Format.Percent(1 - p)} that chance alone would not give data this extreme. It is not the probability that the claim is true, and says nothing of the effect's size. " +
              $"Among 20 tests of true null hypotheses at this level, the chance of at least one such result is {Format.Percent(MultipleComparisons.FamilyWiseErrorRate(20, Math.Clamp(p, 1e-12, 1 - 1e-12)))}."
            : $"{claim.Text.Trim()} is not a valid p-value.";
        return new ClaimCheck(claim, finding)
        {
            Flags = HasEffectNumber(claim) ? [] : [ClaimFlag.SignificanceOnly],
            Questions = [AskForEffect],
        };
    }

    private static ClaimCheck Significance(Claim claim) =>
        new(claim, "'Statistically significant' says only that a result crossed a chosen threshold; it says nothing about how large or important the effect is.")
        {
            Flags = HasEffectNumber(claim) ? [] : [ClaimFlag.SignificanceOnly],
            Questions = [AskForEffect],
        };

    private static ClaimCheck Confidence(Claim claim)
    {
        var confidence = claim.Number("value")!.Value / 100;
        if (!(confidence is > 0 and < 1))
            return new ClaimCheck(claim, $"{claim.Text.Trim()}: a confidence must lie between 0% and 100%.");
        var alpha = 1 - confidence;
        var z = Tails.NormalQuantile(1 - alpha / 2);
        return new ClaimCheck(claim,
            $"A {Format.Percent(confidence)} level means a threshold of p ≤ {Format.P(alpha)} (about {z:0.0} standard errors, two-sided). " +
            "It is a choice: it measures neither the study's quality nor the size of the effect.")
        {
            Questions = ["Who chose this threshold, and why this level for this decision?"],
        };
    }

    /// <summary>Whether the claim's sentence carries a magnitude (a number other than the p-value itself).</summary>
    private static bool HasEffectNumber(Claim claim)
    {
        var length = claim.Sentence.Length;
        var offset = Math.Clamp(claim.Start - claim.SentenceStart, 0, length);
        var after = Math.Clamp(offset + claim.Length, 0, length);
        return (claim.Sentence[..offset] + claim.Sentence[after..]).Any(char.IsDigit);
    }

    private static string Points(double difference) => (difference * 100).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Pct(double rate) => (rate * 100).ToString(rate < 0.01 ? "0.###" : "0.#", CultureInfo.InvariantCulture) + "%";

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
