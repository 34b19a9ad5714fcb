using System.Text.RegularExpressions;
using GraphRag.Claims.Checking;
using GraphRag.Statistics;

namespace GraphRag.Claims;

/// <summary>
/// Works out what each claim's numbers allow and flags only what a careful statistician would question:
/// a value its own formula or counts contradict, a relative effect with no absolute figures (or a
/// ratio of figures with different denominators), a known misreading asserted by its sentence, and a
/// finding reported as significant with no size. Every other claim gets its finding (intervals,
/// recomputations) and no flag: a mention of a concept is not a claim.
/// </summary>
public static partial class ClaimChecker
{
    public const string AskForAbsolute = RelativeEffectCheck.AskForAbsolute;
    public const string AskForEffect = SignificanceCheck.AskForEffect;

    public static IReadOnlyList<ClaimCheck> CheckAll(string text)
    {
        var context = new ClaimText(text);
        var claims = ClaimFinder.Find(context);
        return claims.Select(c => Check(c, claims, context)).ToList();
    }

    internal static ClaimCheck Check(Claim claim, IReadOnlyList<Claim> claims, ClaimText text) => claim.Kind switch
    {
        ClaimKind.Calculation => CalculationCheck.Check(claim),
        ClaimKind.Interpretation => InterpretationCheck.Check(claim, text),
        ClaimKind.RatePerPopulation => Rate(claim),
        ClaimKind.RelativeRisk or ClaimKind.TimesMore => RelativeEffectCheck.Check(claim, claims, text),
        ClaimKind.OutOf => OutOf(claim),
        ClaimKind.PValue => SignificanceCheck.PValue(claim, text),
        ClaimKind.StatisticalSignificance => SignificanceCheck.Significance(claim, text),
        ClaimKind.ConfidenceLevel => Confidence(claim),
        _ => Percentage(claim, claims),
    };

    private static ClaimCheck Rate(Claim claim)
    {
        var per = (long)claim.Number("per")!.Value;
        var a = (long)claim.Number("a")!.Value;
        if (claim.Number("b") is not { } bValue)
        {
            var rate = a / (double)per;
            // "14 extra cases … per 10,000 people, or 0.14%": the percentage the text derives from the rate.
            if (StatedRateRegex().Match(claim.Text) is { Success: true } derived)
            {
                var statedText = derived.Groups["v"].Value;
                var stated = StatedValue.Parse(statedText);
                var recomputation = new Recomputation($"{a}/{per}", statedText, stated.Value, rate, stated.Tolerance);
                return new ClaimCheck(claim, recomputation.Agrees
                    ? $"{a} per {Show.N(per)} is a rate of {Show.Pct(rate)}: the stated {statedText} agrees."
                    : $"{a} per {Show.N(per)} is a rate of {Show.Pct(rate)}, not {statedText}.")
                {
                    Recomputation = recomputation,
                    Flags = recomputation.Agrees ? [] : [ClaimFlag.WrongValue],
                    Correction = recomputation.Agrees ? null : $"{a} per {Show.N(per)} is {Show.Pct(rate)}.",
                };
            }
            return new ClaimCheck(claim, $"{a} per {Show.N(per)} is a rate of {Show.Pct(rate)}.")
            {
                Questions = ["Compared with what baseline rate?"],
            };
        }
        var b = (long)bValue;
        var comparison = ProportionComparison.Compute(new Proportion(a, per), new Proportion(b, per));
        var rd = comparison.RiskDifference;
        var rr = comparison.RelativeRisk;
        var finding =
            $"{a} versus {b} per {Show.N(per)}: absolute risk difference {Show.Points(rd.Value)} percentage points " +
            $"[95% CI {Show.Points(rd.CiLow)}, {Show.Points(rd.CiHigh)}]; relative risk {rr.Value:0.00} [{rr.CiLow:0.00}, {rr.CiHigh:0.00}] " +
            $"(a {Show.Pct(Math.Abs(rr.Value - 1))} {(rr.Value >= 1 ? "increase" : "decrease")}); Fisher's exact p = {Format.P(comparison.Fisher.PValue)} " +
            $"(confidence {Format.Percent(comparison.Fisher.Confidence)}); {comparison.Nnt.Name} ≈ {Math.Abs(comparison.Nnt.Value):0}" +
            (rd.IntervalIncludesNull ? " (its interval runs through infinity: no difference is also compatible)." : ".") +
            $" Intervals and p treat {Show.N(per)} as the size of each group; a larger study narrows them but leaves the absolute difference.";
        return new ClaimCheck(claim, finding)
        {
            Comparison = comparison,
            Questions = ["How many people were actually in each group?", "Was exposure randomised, or could other differences between the groups explain it?"],
        };
    }

    private static ClaimCheck OutOf(Claim claim)
    {
        var k = (long)claim.Number("k")!.Value;
        var n = (long)claim.Number("n")!.Value;
        if (k > n || n == 0)
            return new ClaimCheck(claim, $"{k} out of {n} is not a possible proportion.") { Questions = ["Are the numbers quoted correctly?"] };
        var effect = BinomialTest.Exact(k, n).Effect;
        return new ClaimCheck(claim, $"{k} out of {Show.N(n)} = {Show.Pct(effect.Value)} [95% CI {Show.Pct(effect.CiLow)}, {Show.Pct(effect.CiHigh)}, Clopper–Pearson].")
        {
            Proportion = effect,
            Questions = n < 100 ? ["With so few, the interval is wide: is the sample large enough for the conclusion drawn?"] : [],
        };
    }

    /// <summary>A percentage is checked against the one "k out of n" in its sentence, when there is one.</summary>
    private static ClaimCheck Percentage(Claim claim, IReadOnlyList<Claim> claims)
    {
        var value = claim.Text.Trim();
        var counts = claims.Where(c => c.Kind == ClaimKind.OutOf && c.SentenceStart == claim.SentenceStart).ToList();
        if (counts.Count == 1 && counts[0].Number("n") is > 0 and var n && counts[0].Number("k") is { } k && k <= n)
        {
            var stated = StatedValue.Parse(value);
            var recomputation = new Recomputation($"{k}/{n}", value, stated.Value, k / n, stated.Tolerance);
            if (recomputation.Agrees)
                return new ClaimCheck(claim, $"{value}: {k} out of {n} is {Show.Like(k / n, true)}, which agrees.") { Recomputation = recomputation };
            return new ClaimCheck(claim, $"{value}: but {k} out of {n} is {Show.Like(k / n, true)} ({Show.Gap(recomputation.Difference, true)} {(recomputation.Difference > 0 ? "lower" : "higher")}).")
            {
                Recomputation = recomputation,
                Flags = [ClaimFlag.WrongValue],
                Correction = $"{k} out of {n} is {Show.Like(k / n, true)}, not {value}.",
            };
        }
        return new ClaimCheck(claim, $"A percentage ({value}) with no count or denominator in its sentence to check it against.")
        {
            Questions = ["Out of how many?"],
        };
    }

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

    [GeneratedRegex(@",?\s*or\s+(?<v>\d[\d,]*(?:\.\d+)?\s?%)$")]
    private static partial Regex StatedRateRegex();
}
