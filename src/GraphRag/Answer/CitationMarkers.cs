using System.Text.RegularExpressions;

namespace GraphRag.Answer;

/// <summary>Finds the [n] citation markers an answer uses, keeping only numbers of passages that were offered.</summary>
public static partial class CitationMarkers
{
    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex Marker();

    /// <summary>Distinct cited passage numbers in order of first use; numbers not in <paramref name="offered"/> are dropped.</summary>
    public static IReadOnlyList<int> Find(string answer, IReadOnlyCollection<int> offered) =>
        Marker().Matches(answer).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Where(offered.Contains).Distinct().ToList();
}
