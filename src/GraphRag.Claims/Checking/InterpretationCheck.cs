using System.Globalization;
using System.Text.RegularExpressions;
using GraphRag.Claims.Finding;
using GraphRag.Statistics;

namespace GraphRag.Claims.Checking;

/// <summary>
/// Decides whether a sentence that states a known misreading asserts it (flagged, with what would be
/// correct, in one sentence) or rejects it: "does not mean …", "Common belief is that … This is
/// painfully wrong.", or reads the probability under chance alone ("if the coin was fair").
/// </summary>
internal static partial class InterpretationCheck
{
    public static ClaimCheck Check(Claim claim, ClaimText text)
    {
        var kind = claim.Misreading!.Value;
        var before = text.Value[claim.SentenceStart..claim.Start];
        if (RejectionRegex().IsMatch(before) || (text.SentenceAfter(claim.Start) is { } next && RefutationRegex().IsMatch(text.Of(next))))
            return new ClaimCheck(claim, $"States the misreading ({Describe(kind)}) in order to reject it: correct.");
        if (kind is Misreading.ProbabilityOfChance or Misreading.ProbabilityOfHypothesis && UnderChanceRegex().IsMatch(claim.Sentence))
            return new ClaimCheck(claim, "A probability computed under chance alone, as the sentence says: the correct reading.");
        if (kind == Misreading.MultipleComparisons)
        {
            var paragraph = text.Of(text.ParagraphAt(claim.Start));
            if (!SignificanceRegex().IsMatch(paragraph) || CorrectionRegex().IsMatch(paragraph))
                return new ClaimCheck(claim, "Several tests, but either no significance is claimed from them or a correction for their number is mentioned.");
        }
        var (finding, correction) = Explain(claim);
        return new ClaimCheck(claim, finding)
        {
            Flags = [Flag(kind)],
            Correction = correction,
            Questions = kind == Misreading.TransposedConditional
                ? ["What share of all candidates (not only the successful ones) meets the condition?"]
                : ["What was the effect's size, with its confidence interval?"],
        };
    }

    private static ClaimFlag Flag(Misreading kind) => kind switch
    {
        Misreading.ProbabilityOfChance or Misreading.ProbabilityOfHypothesis => ClaimFlag.PValueMisread,
        Misreading.SignificanceAsImportance => ClaimFlag.SignificanceAsImportance,
        Misreading.NoSignificanceAsNoEffect => ClaimFlag.NoSignificanceAsNoEffect,
        Misreading.MultipleComparisons => ClaimFlag.UncorrectedMultipleComparisons,
        _ => ClaimFlag.TransposedConditional,
    };

    private static string Describe(Misreading kind) => kind switch
    {
        Misreading.ProbabilityOfChance => "a p-value as the probability that the result is not chance",
        Misreading.ProbabilityOfHypothesis => "a p-value as the probability that the hypothesis is true",
        Misreading.SignificanceAsImportance => "significance as importance",
        Misreading.NoSignificanceAsNoEffect => "no significance as no effect",
        Misreading.MultipleComparisons => "significance among many tests",
        _ => "a conditional share read backwards",
    };

    private static (string Finding, string Correction) Explain(Claim claim)
    {
        var text = claim.Text.Trim();
        switch (claim.Misreading)
        {
            case Misreading.ProbabilityOfChance:
                var level = LeadingPercentRegex().Match(text);
                var stated = level.Success ? $"{level.Groups["p"].Value}% is 1 − p, and 1 − p" : "A p-value, or 1 − p,";
                return ($"'{text}' reads a test result as the probability that the result is not due to chance. {stated} is not that probability: it depends also on how plausible the effect was before the data.",
                    "A p-value is the probability of data at least this extreme if chance alone were at work; it is not the probability that the result is, or is not, due to chance.");
            case Misreading.ProbabilityOfHypothesis:
                return ($"'{text}' reads a p-value or confidence level as the probability that a hypothesis is true.",
                    "A p-value is computed assuming the null hypothesis, so it cannot be the probability that a hypothesis is true; that needs the hypothesis's prior plausibility too.");
            case Misreading.SignificanceAsImportance:
                return ($"'{text}' takes statistical significance for importance.",
                    "Significance says data this extreme would be rare under chance alone; whether the effect matters depends on its size and interval, which should be given.");
            case Misreading.NoSignificanceAsNoEffect:
                return ($"'{text}' takes the absence of significance for evidence of no effect.",
                    "A non-significant result is not evidence of no effect; the confidence interval shows which effects the data rule out and which they leave open.");
            case Misreading.MultipleComparisons:
                var tests = claim.Number("tests");
                var chance = tests is { } k and >= 1 and <= 10_000
                    ? $" With {k:0} tests at α = 0.05 the chance of at least one false positive is {Format.Percent(MultipleComparisons.FamilyWiseErrorRate((int)k, 0.05))}."
                    : "";
                return ($"'{text}': significance found among many tests, with no correction for their number.{chance}",
                    "Report how many tests were run and adjust the p-values for their number (Holm, or Benjamini–Hochberg for a false discovery rate).");
            default:
                var (a, b) = InterpretationFinder.TransposedParts(claim.Text);
                var share = claim.Number("share") is { } s ? s.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "The share";
                return ($"'{text}' turns a share into a likelihood the other way round: {share} is the share of {a} that are {b}, P({b} | {a}).",
                    $"{share} of {a} being {b} is P({b} | {a}); how much being {b} raises the chance of being among {a} needs P({a} | {b}) against P({a} | not {b}), that is, how many of all candidates are {b}.");
        }
    }

    // Said in order to be rejected: a denial or an attribution to a belief before the reading.
    [GeneratedRegex(@"\b(?:does\s+not|doesn['’]t|do\s+not|don['’]t|did\s+not|didn['’]t|cannot|can['’]t|is\s+not|isn['’]t|never)\s+(?:mean|tell|say|give|imply|indicate|measure|show)\b|\bnot\s+the\s+(?:probability|chance)\b|\brather\s+than\b|\binstead\s+of\b|\b(?:common|popular|widespread|frequent)\s+(?:belief|misconception|misreading|myth|mistake|error)|\b(?:misconception|misreading|myth|fallacy|mistake)\b|\bpeople\s+(?:often\s+)?(?:think|believe|assume)|\b(?:wrongly|mistakenly|incorrectly)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RejectionRegex();

    // The next sentence says it is wrong.
    [GeneratedRegex(@"^\W*(?:(?:This|That|It)\s+(?:is|was)\s+(?:\w+\s+)?(?:wrong|false|incorrect|untrue|a\s+(?:\w+\s+)?(?:mistake|misconception|fallacy|myth|misreading))|(?:Wrong|False|Not\s+so|No)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex RefutationRegex();

    // The probability is stated under chance alone, which is what a p-value is.
    [GeneratedRegex(@"\bif\s+(?:the\s+)?(?:coin|die|dice|game)\s+(?:was|were|is|are)\s+fair\b|\b(?:if|assuming|given|under)\s+(?:that\s+)?(?:the\s+)?(?:null(?:\s+hypothesis)?|chance\s+alone|no\s+(?:real\s+)?(?:effect|difference))\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnderChanceRegex();

    [GeneratedRegex(@"significan|\bp\s*[<=≤]", RegexOptions.IgnoreCase)]
    private static partial Regex SignificanceRegex();

    [GeneratedRegex(@"Bonferroni|Holm|Hochberg|false\s+discovery|\bFDR\b|correct(?:ed|ion|ing)\s+for|adjust(?:ed|ment|ing)|pre-?regist", RegexOptions.IgnoreCase)]
    private static partial Regex CorrectionRegex();

    [GeneratedRegex(@"^(?<p>\d+(?:\.\d+)?)\s?%")]
    private static partial Regex LeadingPercentRegex();
}
