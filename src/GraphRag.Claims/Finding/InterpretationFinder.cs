using System.Globalization;
using System.Text.RegularExpressions;

namespace GraphRag.Claims.Finding;

/// <summary>
/// Finds sentences that read a statistical result in one of the known wrong ways, by the wording of
/// the reading itself: a probability or confidence that a result is (not) due to chance, or that a
/// hypothesis is true; "significant, so important"; "not significant, so no effect"; significance
/// among many tests; and a share of A that are B turned into how likely B makes A. Whether the
/// sentence asserts the reading or quotes it to reject it is for the checker to decide.
/// </summary>
internal static partial class InterpretationFinder
{
    private static readonly (Misreading Kind, Regex Pattern)[] Patterns =
    [
        (Misreading.ProbabilityOfChance, ChanceRegex()),
        (Misreading.ProbabilityOfHypothesis, HypothesisRegex()),
        (Misreading.SignificanceAsImportance, ImportanceRegex()),
        (Misreading.NoSignificanceAsNoEffect, NoEffectRegex()),
        (Misreading.TransposedConditional, TransposedRegex()),
        (Misreading.MultipleComparisons, ManyTestsRegex()),
    ];

    public static IEnumerable<Claim> Find(ClaimText text)
    {
        foreach (var sentence in text.Sentences)
        {
            foreach (var (kind, pattern) in Patterns)
            {
                foreach (var m in Ranged.Matches(pattern, text.Value, sentence.Start, sentence.End))
                {
                    if (!Applies(kind, text, sentence, m)) continue;
                    var numbers = new Dictionary<string, double>();
                    if (m["share"].Success)
                        numbers["share"] = double.Parse(m["share"].Value, CultureInfo.InvariantCulture);
                    if (m["tests"].Success && int.TryParse(m["tests"].Value, out var tests))
                        numbers["tests"] = tests;
                    yield return ClaimFinder.Build(ClaimKind.Interpretation, text, m.Index, m.Index + m.Length) with
                    {
                        Misreading = kind,
                        Numbers = numbers,
                    };
                }
            }
        }
    }

    private static bool Applies(Misreading kind, ClaimText text, Text.TextSpan sentence, RangedMatch m) => kind switch
    {
        // A probability of "not chance" is a reading of a test only where a test is in view: this sentence or the one before.
        Misreading.ProbabilityOfChance or Misreading.ProbabilityOfHypothesis =>
            StatisticalRegex().IsMatch(text.Of(sentence)) || (text.SentenceBefore(sentence.Start) is { } before && StatisticalRegex().IsMatch(text.Of(before))),
        // The reading needs the condition of the share ("are statistically significant") to be what "if" then assumes.
        Misreading.TransposedConditional => SharesAWord(m["b"].Value, m["if"].Value),
        _ => true,
    };

    /// <summary>The two sides of a transposed conditional: "88% of top journal papers are statistically significant" → (top journal papers, statistically significant).</summary>
    public static (string A, string B) TransposedParts(string claimText)
    {
        var m = TransposedRegex().Match(claimText);
        return m.Success ? (m.Groups["a"].Value.Trim(), m.Groups["b"].Value.Trim()) : ("them", "so");
    }

    private static bool SharesAWord(string a, string b)
    {
        var words = WordRegex().Matches(a.ToLowerInvariant()).Select(w => w.Value).Where(w => w.Length > 3).ToHashSet();
        return WordRegex().Matches(b.ToLowerInvariant()).Any(w => words.Contains(w.Value));
    }

    private const string Percent = @"(?:\d+(?:\.\d+)?\s?%\s+)?";
    private const string Copula = @"(?:is|was|are|were|isn['’]t|wasn['’]t|aren['’]t|weren['’]t)";
    // A gap that does not run past another probability word, so the match starts at the nearest one; it
    // cannot leave the sentence. (Unbounded on purpose: with a {0,80}? bound the source-generated matcher
    // throws IndexOutOfRangeException on some inputs, e.g. "1% chance le to think that, since you can’t hire yourself".)
    private const string Gap = @"(?:(?!\b(?:probability|chance|confiden|probably|likely)\w*\b)[^.;:!?])*?";

    // "probability that the results were not simply due to randomness", "95% confident the result wasn't due to chance",
    // "confidence of 94% that this wasn't attributed to random chance", "probably isn't due to random chance".
    [GeneratedRegex(Percent + @"\b(?:probability|chance|confiden(?:t|ce)|probably|likely|certain(?:ty)?|sure)\b" + Gap +
        @"\b" + Copula + @"\s+(?:not\s+)?(?:simply\s+|just\s+|merely\s+|only\s+|purely\s+)?(?:due\s+to|attributed\s+to|attributable\s+to|caused\s+by|the\s+result\s+of|because\s+of|down\s+to)\s+(?:random\s+|pure\s+|mere\s+)?(?:chance|randomness|luck|noise|coincidence)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ChanceRegex();

    // "a 99% chance that the hypothesis is correct", "the probability that the null hypothesis is true".
    [GeneratedRegex(Percent + @"\b(?:probability|chance|likelihood|confiden(?:t|ce)|certain(?:ty)?|sure)\s+(?:that\s+)?(?:the\s+|our\s+|a\s+|your\s+|this\s+)?(?:null\s+|alternative\s+|research\s+)?(?:hypothes[ie]s|result|finding|effect|claim|theory)\s+" + Copula + @"\s+(?:true|correct|real|right|false|wrong|genuine)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex HypothesisRegex();

    [GeneratedRegex(@"\bstatistically\s+significant\b[^.;!?]{0,60}?\b(?:so|therefore|thus|hence|which\s+means|meaning|means|proves?|shows?|showing)\b[^.;!?]{0,60}?\b(?:important|meaningful|large|big|substantial|major|matters|clinically\s+(?:relevant|important)|practically\s+important)\b" +
        @"|\b(?:important|meaningful|substantial|major)\b[^.;!?]{0,40}?\b(?:because|since|as)\b[^.;!?]{0,30}?\bstatistically\s+significant\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ImportanceRegex();

    [GeneratedRegex(@"\b(?:no|not|non-?|in)\s*(?:statistically\s+)?significan(?:t|ce)\b[^.;!?]{0,80}?\b(?:so|therefore|thus|hence|proves?|proving|shows?|showing|means|meaning|confirm(?:s|ed|ing)?|demonstrat\w*|establish\w*)\b[^.;!?]{0,60}?" +
        @"\b(?:no\s+(?:real\s+)?(?:effect|difference|link|association|benefit|harm|risk|relationship)|(?:does|did)\s+not\s+work|(?:doesn|didn)['’]t\s+work|ha[sd]\s+no\s+effect|is\s+(?:safe|ineffective|useless)|are\s+(?:the\s+same|equivalent|equally\s+effective)|no\s+different)\b" +
        @"|\b(?:proves?|shows?|showing|demonstrat\w*|confirm\w*)\s+(?:that\s+)?(?:there\s+(?:is|was)\s+)?no\s+(?:effect|difference|link|association|benefit|harm)\b[^.;!?]{0,60}?\b(?:because|since|as)\b[^.;!?]{0,40}?\b(?:not|no|non-?)\s*(?:statistically\s+)?significant\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex NoEffectRegex();

    // "since 88% of top journal papers are statistically significant, you're far more likely to get accepted … if your research is statistically significant".
    [GeneratedRegex(@"\b(?<share>\d+(?:\.\d+)?)\s?%\s+of\s+(?<a>[^,.;!?]{1,60}?)\s+(?:are|were|is|was|have|had|get|got)\s+(?<b>[^,.;!?]{1,50}?)\s*,[^.;!?]{0,40}?\b(?:more|less)\s+likely\b[^.;!?]{0,80}?\bif\b(?<if>[^.;!?]{1,80})",
        RegexOptions.IgnoreCase)]
    private static partial Regex TransposedRegex();

    // "we tested 20 outcomes and found one significant".
    [GeneratedRegex(@"\b(?:tested|compared|measured|examined|analy[sz]ed|screened|checked|looked\s+at|ran)\s+(?:(?<tests>\d+)|dozens\s+of|hundreds\s+of|thousands\s+of|many|multiple|several|numerous)\s+(?:\w+\s+){0,2}?(?:outcomes|endpoints|variables|hypothes[ie]s|subgroups|genes|markers|factors|comparisons|tests|foods|metrics|features|measures|associations|correlations)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ManyTestsRegex();

    [GeneratedRegex(@"p-?values?|\bp\s*[=<>≤]|significan|hypothes|statistic|\btest|experiment|\bstudy|\btrial|\bdata\b|\bsample|random|\beffect", RegexOptions.IgnoreCase)]
    private static partial Regex StatisticalRegex();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordRegex();
}
