using System.Globalization;
using System.Text.RegularExpressions;
using GraphRag.Claims.Finding;

namespace GraphRag.Claims;

/// <summary>
/// Finds quantitative claims in plain text (notes, articles): regular patterns for each kind of claim,
/// plus the structured finders for calculations (<see cref="Finding.CalculationFinder"/>, <see cref="Finding.RuleListFinder"/>)
/// and for readings of results (<see cref="Finding.InterpretationFinder"/>). Where claims overlap, the
/// more specific kind wins (a "32% increased risk" is a relative risk, not a bare percentage).
/// </summary>
public static partial class ClaimFinder
{
    private const string Count = @"\d{1,3}(?:,\d{3})+|\d+";
    private const string Decimal = @"\d+(?:\.\d+)?";
    private const string Population = @"(?:people|persons|patients|participants|adults|men|women|children|individuals|users|subjects|smokers|residents)";

    // Order = priority when matches overlap.
    private static readonly (ClaimKind Kind, Regex Pattern)[] Patterns =
    [
        (ClaimKind.RatePerPopulation, VersusPerRegex()),
        (ClaimKind.RelativeRisk, PercentChangeRegex()),
        (ClaimKind.RelativeRisk, RatioRegex()),
        (ClaimKind.TimesMore, TimesRegex()),
    ];

    private static readonly (ClaimKind Kind, Regex Pattern)[] LaterPatterns =
    [
        (ClaimKind.OutOf, OutOfRegex()),
        (ClaimKind.PValue, PValueRegex()),
        (ClaimKind.ConfidenceLevel, ConfidenceRegex()),
        (ClaimKind.StatisticalSignificance, SignificanceRegex()),
        (ClaimKind.Percentage, PercentRegex()),
    ];

    /// <summary>
    /// The claims of a text, in text order. Where claims overlap the more specific wins, in this order:
    /// items of a list checked against its rule, readings of a result, rates, relative effects,
    /// calculations, rates read from a sentence's counts, then counts, p-values, confidence levels,
    /// "significant" and bare percentages.
    /// A relative effect computed in the text ("11%/0.07% = 157 times") keeps its calculation.
    /// </summary>
    public static IReadOnlyList<Claim> Find(string text) => Find(new ClaimText(text));

    internal static IReadOnlyList<Claim> Find(ClaimText text)
    {
        var found = new List<Claim>();
        void Add(IEnumerable<Claim> claims)
        {
            foreach (var claim in claims)
            {
                if (!found.Any(c => claim.Start < c.End && c.Start < claim.End))
                    found.Add(claim);
            }
        }
        Add(RuleListFinder.Find(text));
        Add(InterpretationFinder.Find(text));
        Add(Matches(text, Patterns));
        var calculations = CalculationFinder.Find(text).ToList();
        AttachCalculations(found, calculations);
        Add(calculations);
        Add(RateSentences(text));
        Add(Matches(text, LaterPatterns));
        return found.OrderBy(c => c.Start).ToList();
    }

    /// <summary>A relative claim whose number is the result of a calculation in the text takes that calculation with it.</summary>
    private static void AttachCalculations(List<Claim> found, List<Claim> calculations)
    {
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Kind is not (ClaimKind.TimesMore or ClaimKind.RelativeRisk)) continue;
            var relative = found[i];
            var index = calculations.FindIndex(c => c.Start < relative.Start && relative.Start < c.End);
            if (index < 0) continue;
            found[i] = relative with { Calculation = calculations[index].Calculation };
            calculations.RemoveAt(index);
        }
    }

    private static IEnumerable<Claim> Matches(ClaimText text, (ClaimKind Kind, Regex Pattern)[] patterns)
    {
        foreach (var (kind, pattern) in patterns)
        {
            foreach (Match match in pattern.Matches(text.Value))
                yield return Build(kind, text, match.Index, match.Index + match.Length) with { Numbers = Numbers(kind, match) };
        }
    }

    /// <summary>A claim over text[start..end) with the sentence around it.</summary>
    internal static Claim Build(ClaimKind kind, ClaimText text, int start, int end)
    {
        var sentence = text.SentenceAt(start);
        return new Claim(kind, text.Value[start..end], start, end - start)
        {
            Sentence = text.Of(sentence),
            SentenceStart = sentence.Start,
        };
    }

    /// <summary>
    /// The article's form, "For every 10,000 people ..., 45 were diagnosed ..., while it was 59 ...": a
    /// per-population phrase, then the counts in the same sentence that read as counts of people
    /// (followed by "were/had/cases" or preceded by "was/were"), not as amounts ("11 grams").
    /// </summary>
    private static IEnumerable<Claim> RateSentences(ClaimText text)
    {
        foreach (Match per in PerPopulationRegex().Matches(text.Value))
        {
            var sentenceSpan = text.SentenceAt(per.Index);
            var (sentenceStart, sentence) = (sentenceSpan.Start, text.Of(sentenceSpan));
            var denominator = ParseNumber(per.Groups["per"].Value);
            var counts = CountInSentenceRegex().Matches(sentence)
                .Select(m => (Match: m, Value: ParseNumber(m.Groups["n"].Success ? m.Groups["n"].Value : m.Groups["m"].Value)))
                .Where(c => c.Value <= denominator && sentenceStart + c.Match.Index != per.Groups["per"].Index)
                .ToList();
            if (counts.Count == 0) continue;
            var numbers = new Dictionary<string, double> { ["per"] = denominator, ["a"] = counts[0].Value };
            var used = counts.Take(2).Select(c => c.Match).ToList();
            if (counts.Count > 1) numbers["b"] = counts[1].Value;
            // The claim spans the per-population phrase and the counts, not the whole sentence.
            var start = Math.Min(per.Index, sentenceStart + used.Min(m => m.Index));
            var end = Math.Max(per.Index + per.Length, sentenceStart + used.Max(m => m.Index + m.Length));
            // "…, or 0.14%": the percentage the text derives from the rate belongs to the claim.
            if (counts.Count == 1 && StatedRateRegex().Match(text.Value, end) is { Success: true } derived)
                end = derived.Index + derived.Length;
            yield return Build(ClaimKind.RatePerPopulation, text, start, end) with { Numbers = numbers };
        }
    }

    private static Dictionary<string, double> Numbers(ClaimKind kind, Match m)
    {
        var numbers = new Dictionary<string, double>();
        foreach (var name in new[] { "a", "b", "per", "value", "k", "n" })
        {
            if (m.Groups[name].Success) numbers[name] = ParseNumber(m.Groups[name].Value);
        }
        if (m.Groups["direction"].Success)
            numbers["sign"] = DecreaseRegex().IsMatch(m.Groups["direction"].Value) ? -1 : 1;
        if (kind == ClaimKind.PValue && m.Groups["op"].Success)
            numbers["bound"] = m.Groups["op"].Value is "<" or "≤" or "<=" ? -1 : m.Groups["op"].Value is ">" or "≥" or ">=" ? 1 : 0;
        return numbers;
    }

    internal static double ParseNumber(string text) =>
        double.Parse(text.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\G\s*,?\s*or\s+\d[\d,]*(?:\.\d+)?\s?%")]
    private static partial Regex StatedRateRegex();

    [GeneratedRegex(@"\b(?<a>" + Count + @")\s+(?:\w+\s+){0,3}?(?:versus|vs\.?|compared\s+(?:with|to))\s+(?<b>" + Count + @")\s+(?:[\w-]+\s+){0,4}?(?:per|in\s+every|for\s+every)\s+(?<per>" + Count + ")", RegexOptions.IgnoreCase)]
    private static partial Regex VersusPerRegex();

    [GeneratedRegex(@"(?<value>" + Decimal + @")\s?%\s+(?<direction>increased|increase\s+in|higher|greater|elevated|raised|lower|reduced|reduction\s+in|decreased|decrease\s+in)\s+(?:the\s+)?(?:relative\s+)?(?:risk|chance|odds|rate|likelihood|incidence|mortality)", RegexOptions.IgnoreCase)]
    private static partial Regex PercentChangeRegex();

    [GeneratedRegex(@"\b(?:relative\s+risk|risk\s+ratio|odds\s+ratio|hazard\s+ratio|(?-i:RR|OR|HR))\s*(?:of|was|is|=|:)?\s*(?<value>\d+\.\d+|\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RatioRegex();

    [GeneratedRegex(@"(?<value>" + Decimal + @")\**\s*(?:times|-fold|fold|×)\s+(?:more|less|greater|higher|lower|larger|smaller|as|the|likelier|more\s+likely|faster|slower|bigger|cheaper|better|worse|deadlier|riskier|safer|stronger|weaker|longer|shorter|heavier|wider)", RegexOptions.IgnoreCase)]
    private static partial Regex TimesRegex();

    [GeneratedRegex(@"\b(?<k>" + Count + @")\s+(?:times\s+)?(?:out\s+of|in\s+every|of\s+every)\s+(?:the\s+)?(?<n>" + Count + @")\b|\b(?<k>" + Count + @")\s+in\s+(?<n>" + Count + @")\s+" + Population, RegexOptions.IgnoreCase)]
    private static partial Regex OutOfRegex();

    [GeneratedRegex(@"\bp(?:\s*-?\s*values?\s*(?:(?:of|was|is|were|:)\s+)?(?<op>[<>=≤≥]=?)?|\s*(?<op>[<>=≤≥]=?))\s*(?<value>0?\.\d+(?:e-?\d+)?|\d(?:\.\d+)?e-\d+|1(?:\.0+)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PValueRegex();

    [GeneratedRegex(@"(?<value>" + Decimal + @")\s?%\s+(?:confidence|confident|significance\s+(?:threshold|level))|(?:significance\s+threshold|confidence\s+level)\s+of\s+(?<value>" + Decimal + @")\s?%", RegexOptions.IgnoreCase)]
    private static partial Regex ConfidenceRegex();

    [GeneratedRegex(@"\b(?:statistically\s+(?:in)?significant|statistical\s+(?:in)?significance|non-statistically\s+significant)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SignificanceRegex();

    [GeneratedRegex(@"(?<value>" + Decimal + @")\s?%")]
    private static partial Regex PercentRegex();

    [GeneratedRegex(@"\b(?:for\s+every|per|in\s+every)\s+(?<per>\d{1,3}(?:,\d{3})+|\d{3,})\s+(?:\w+\s+){0,2}?" + Population, RegexOptions.IgnoreCase)]
    private static partial Regex PerPopulationRegex();

    [GeneratedRegex(@"\b(?<n>" + Count + @")\s+(?:(?:extra|more|fewer|additional|new)\s+)?(?:were|was|had|developed|got|died|cases|people|patients)\b|\b(?:was|were|is|are)\s+(?<m>" + Count + @")\b(?!\s*(?:%|grams|g\b|kg|years|per|times))", RegexOptions.IgnoreCase)]
    private static partial Regex CountInSentenceRegex();

    [GeneratedRegex(@"lower|reduc|decreas", RegexOptions.IgnoreCase)]
    private static partial Regex DecreaseRegex();
}
