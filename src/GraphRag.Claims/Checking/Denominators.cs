using System.Globalization;
using System.Text.RegularExpressions;

namespace GraphRag.Claims.Checking;

/// <summary>What a percentage is a share of, as the text introduces it.</summary>
internal enum Denominator
{
    Unknown,
    /// <summary>A share of events: "(11%) of all deaths from all causes".</summary>
    ShareOfEvents,
    /// <summary>A person's risk: "killing you is 0.07%", "a 3% chance", "14 per 10,000 people".</summary>
    IndividualRisk,
}

/// <summary>
/// Finds where a percentage used in a calculation was introduced (the nearest earlier mention of the
/// same value, else the nearest later one, outside the calculation itself) and reads from its words
/// what it is a share of: events (deaths, cases) or people.
/// </summary>
internal static partial class Denominators
{
    public static (Denominator Kind, string Context) Of(ClaimText text, string percent, int excludeStart, int excludeEnd)
    {
        var value = Value(percent);
        var mentions = PercentRegex().Matches(text.Value)
            .Where(m => Value(m.Value) == value && (m.Index + m.Length <= excludeStart || m.Index >= excludeEnd))
            .ToList();
        var mention = mentions.LastOrDefault(m => m.Index < excludeStart) ?? mentions.FirstOrDefault();
        if (mention is null) return (Denominator.Unknown, "");
        var sentence = text.Of(text.SentenceAt(mention.Index));
        var after = text.Value[(mention.Index + mention.Length)..Math.Min(text.Value.Length, mention.Index + mention.Length + 80)];
        if (ShareOfEventsRegex().IsMatch(after)) return (Denominator.ShareOfEvents, sentence);
        if (IndividualRiskRegex().IsMatch(sentence)) return (Denominator.IndividualRisk, sentence);
        return (Denominator.Unknown, sentence);
    }

    private static double Value(string percent) =>
        double.Parse(percent.TrimEnd('%', ' ').Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![\d.])\d+(?:\.\d+)?\s?%")]
    private static partial Regex PercentRegex();

    [GeneratedRegex(@"^\)?\s*of\s+(?:all\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:deaths|cases|diagnoses|admissions|hospitali[sz]ations|births|crimes|accidents|cancers|tumou?rs|injuries|sales|emissions)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ShareOfEventsRegex();

    [GeneratedRegex(@"\b(?:you|your|risk|chance|probability|odds|likelihood|each\s+person|an?\s+(?:individual|person)|per\s+[\d,]+\s+(?:people|persons|patients|adults|individuals|men|women))\b", RegexOptions.IgnoreCase)]
    private static partial Regex IndividualRiskRegex();
}
