using System.Text.RegularExpressions;
using GraphRag.Statistics;

namespace GraphRag.Claims.Checking;

/// <summary>
/// p-values and "statistically significant": a finding reported as significant, or as a p-value, with
/// no size of effect in its sentence is flagged "significance only". A mention of the concept ("claims
/// of statistical significance"), a definition ("a p-value of 0.05 means …"), a threshold or a
/// thought experiment ("Say we run an experiment …") is not a finding and is not flagged.
/// </summary>
internal static partial class SignificanceCheck
{
    public const string AskForEffect = "How big is the effect, with its confidence interval? Which threshold was used, and why that one? How many comparisons were made?";

    public static ClaimCheck PValue(Claim claim, ClaimText text)
    {
        var p = claim.Number("value")!.Value;
        var bound = claim.Number("bound") switch { -1 => "below ", 1 => "above ", _ => "" };
        if (!(p is >= 0 and <= 1))
            return new ClaimCheck(claim, $"{claim.Text.Trim()} is not a valid p-value.") { Questions = ["Is the number quoted correctly?"] };
        var finding = $"p {bound}{Format.P(p)} (confidence {bound}{Format.Percent(1 - p)}): data at least this extreme would arise {bound}{Format.Percent(p)} of the time if chance alone were at work. " +
                      "It is not the probability that the claim is true, and says nothing of the effect's size. " +
                      $"Among 20 tests of true null hypotheses at this level, the chance of at least one such result is {Format.Percent(MultipleComparisons.FamilyWiseErrorRate(20, Math.Clamp(p, 1e-12, 1 - 1e-12)))}.";
        var after = text.Value[claim.End..Math.Min(text.Value.Length, claim.End + 40)];
        var isFinding = !DefinitionRegex().IsMatch(after) && !ThresholdRegex().IsMatch(claim.Sentence) && !Hypothetical(claim, text);
        return new ClaimCheck(claim, finding)
        {
            Flags = isFinding && !HasEffectNumber(claim) ? [ClaimFlag.SignificanceOnly] : [],
            Correction = isFinding && !HasEffectNumber(claim) ? "Report the effect's size with its confidence interval beside the p-value." : null,
            Questions = [AskForEffect],
        };
    }

    public static ClaimCheck Significance(Claim claim, ClaimText text)
    {
        var before = text.Value[claim.SentenceStart..claim.Start];
        // "Statistically insignificant" reports the absence of significance: no "significance only" to question there.
        if (InsignificantRegex().IsMatch(claim.Text))
            return new ClaimCheck(claim, "Reported as not significant: by itself that is no evidence of no effect; the interval shows which effects remain possible.");
        var reported = ReportedRegex().IsMatch(before) && !Hypothetical(claim, text);
        if (reported && !HasEffectNumber(claim))
        {
            return new ClaimCheck(claim, "A finding reported as statistically significant with no size: significance says only that a result crossed a chosen threshold, not how large or important the effect is.")
            {
                Flags = [ClaimFlag.SignificanceOnly],
                Correction = "Report how big the effect is, with its confidence interval, and the threshold used.",
                Questions = [AskForEffect],
            };
        }
        return new ClaimCheck(claim, reported
            ? "Reported as significant, with a magnitude in the same sentence."
            : "A mention of statistical significance, not a reported finding.");
    }

    /// <summary>Whether the claim's sentence carries a magnitude (a number other than the claim's own).</summary>
    private static bool HasEffectNumber(Claim claim)
    {
        var length = claim.Sentence.Length;
        var offset = Math.Clamp(claim.Start - claim.SentenceStart, 0, length);
        var after = Math.Clamp(offset + claim.Length, 0, length);
        return (claim.Sentence[..offset] + claim.Sentence[after..]).Any(char.IsDigit);
    }

    /// <summary>A thought experiment or a hypothetical: in the sentence before the claim, or opening its paragraph.</summary>
    private static bool Hypothetical(Claim claim, ClaimText text)
    {
        var paragraph = text.ParagraphAt(claim.Start);
        return HypotheticalRegex().IsMatch(text.Value[claim.SentenceStart..claim.Start])
            || ThoughtExperimentRegex().IsMatch(text.Value[paragraph.Start..claim.Start]);
    }

    // "… was statistically significant", "found a statistically significant difference": a study's result.
    [GeneratedRegex(@"\b(?:(?:was|were|is|are|proved|proven|found\s+to\s+be|came\s+out|turned\s+out)\s+(?:highly\s+|very\s+)?|(?:showed|shows|found|reported|observed|revealed|yielded|produced|saw)\s+(?:a|an)\s+(?:highly\s+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReportedRegex();

    [GeneratedRegex(@"insignifican|non-?\s*(?:statistically\s+)?significan", RegexOptions.IgnoreCase)]
    private static partial Regex InsignificantRegex();

    [GeneratedRegex(@"\b(?:if|might|may|could|would|should|whether|suppose|imagine|hope|want|aim|trust|touting|labell?ed|classified|accepts?)\b|\bclaims?\s+of\b|\bsay\s+we\b|\blet['’]s\b", RegexOptions.IgnoreCase)]
    private static partial Regex HypotheticalRegex();

    [GeneratedRegex(@"\b(?:suppose|imagine|hypothetical(?:ly)?)\b|\bsay\s+we\b|\blet['’]s\s+(?:say|assume|imagine)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThoughtExperimentRegex();

    [GeneratedRegex(@"^\s*\)?\s*(?:means|is\s+defined|indicates|tells|says|implies|is\s+the\s+(?:probability|chance))\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionRegex();

    [GeneratedRegex(@"\b(?:threshold|cut-?off|alpha|α|significance\s+(?:level|point|line)|set\s+at)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThresholdRegex();
}
