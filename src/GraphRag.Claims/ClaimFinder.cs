using System.Globalization;
using System.Text.RegularExpressions;
using GraphRag.Text;

namespace GraphRag.Claims;

/// <summary>
/// Finds quantitative claims in plain text (notes, articles) with regular patterns, one per claim kind.
/// Where claims overlap, the more specific kind wins (a "32% increased risk" is a relative risk, not a
/// bare percentage).
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
        (ClaimKind.OutOf, OutOfRegex()),
        (ClaimKind.PValue, PValueRegex()),
        (ClaimKind.ConfidenceLevel, ConfidenceRegex()),
        (ClaimKind.StatisticalSignificance, SignificanceRegex()),
        (ClaimKind.Percentage, PercentRegex()),
    ];

    public static IReadOnlyList<Claim> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Claim>();
        var taken = new List<(int Start, int End)>();
        foreach (var (kind, pattern) in Patterns)
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (Overlaps(taken, match.Index, match.Index + match.Length)) continue;
                found.Add(Build(kind, text, match.Index, match.Length, Numbers(kind, match)));
                taken.Add((match.Index, match.Index + match.Length));
            }
        }
        foreach (var sentence in RateSentences(text))
        {
            if (Overlaps(taken, sentence.Start, sentence.Start + sentence.Length)) continue;
            found.Add(sentence);
            taken.Add((sentence.Start, sentence.Start + sentence.Length));
        }
        return found.OrderBy(c => c.Start).ToList();
    }

    /// <summary>
    /// The article's form, "For every 10,000 people ..., 45 were diagnosed ..., while it was 59 ...": a
    /// per-population phrase, then the counts in the same sentence that read as counts of people
    /// (followed by "were/had/cases" or preceded by "was/were"), not as amounts ("11 grams").
    /// </summary>
    private static IEnumerable<Claim> RateSentences(string text)
    {
        foreach (Match per in PerPopulationRegex().Matches(text))
        {
            var (sentenceStart, sentence) = SentenceAround(text, per.Index);
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
            yield return new Claim(ClaimKind.RatePerPopulation, text[start..end], start, end - start)
            {
                Sentence = sentence,
                SentenceStart = sentenceStart,
                Numbers = numbers,
            };
        }
    }

    private static Claim Build(ClaimKind kind, string text, int start, int length, Dictionary<string, double> numbers)
    {
        var (sentenceStart, sentence) = SentenceAround(text, start);
        return new Claim(kind, text.Substring(start, length), start, length)
        {
            Sentence = sentence,
            SentenceStart = sentenceStart,
            Numbers = numbers,
        };
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

    /// <summary>The sentence (as the text layer splits them) that holds a position.</summary>
    private static (int Start, string Sentence) SentenceAround(string text, int position)
    {
        var sentence = Sentences.Around(text, position);
        return (sentence.Start, sentence.Of(text));
    }

    private static bool Overlaps(List<(int Start, int End)> taken, int start, int end) =>
        taken.Any(t => start < t.End && t.Start < end);

    internal static double ParseNumber(string text) =>
        double.Parse(text.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b(?<a>" + Count + @")\s+(?:\w+\s+){0,3}?(?:versus|vs\.?|compared\s+(?:with|to))\s+(?<b>" + Count + @")\s+(?:[\w-]+\s+){0,4}?(?:per|in\s+every|for\s+every)\s+(?<per>" + Count + ")", RegexOptions.IgnoreCase)]
    private static partial Regex VersusPerRegex();

    [GeneratedRegex(@"(?<value>" + Decimal + @")\s?%\s+(?<direction>increased|increase\s+in|higher|greater|elevated|raised|lower|reduced|reduction\s+in|decreased|decrease\s+in)\s+(?:the\s+)?(?:relative\s+)?(?:risk|chance|odds|rate|likelihood|incidence|mortality)", RegexOptions.IgnoreCase)]
    private static partial Regex PercentChangeRegex();

    [GeneratedRegex(@"\b(?:relative\s+risk|risk\s+ratio|odds\s+ratio|hazard\s+ratio|(?-i:RR|OR|HR))\s*(?:of|was|is|=|:)?\s*(?<value>\d+\.\d+|\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RatioRegex();

    [GeneratedRegex(@"(?<value>" + Decimal + @")\**\s*(?:times|-fold|fold|×)\s+(?:more|less|greater|higher|lower|larger|smaller|as|the|likelier|more\s+likely)", RegexOptions.IgnoreCase)]
    private static partial Regex TimesRegex();

    [GeneratedRegex(@"\b(?<k>" + Count + @")\s+(?:out\s+of|in\s+every|of\s+every)\s+(?<n>" + Count + @")\b|\b(?<k>" + Count + @")\s+in\s+(?<n>" + Count + @")\s+" + Population, RegexOptions.IgnoreCase)]
    private static partial Regex OutOfRegex();

    [GeneratedRegex(@"\bp(?:\s*-?\s*values?)?\s*(?:of\s+|was\s+|is\s+)?(?<op>[<>=≤≥]=?)?\s*(?<value>0?\.\d+(?:e-?\d+)?|\d(?:\.\d+)?e-\d+|1(?:\.0+)?)\b", RegexOptions.IgnoreCase)]
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
