using System.Text;
using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading.Formats;

/// <summary>
/// PDF extraction drops superscripts onto a line of their own after the paragraph ("s = t." then "2").
/// Such digit-only lines are removed; where exactly one spot in the three lines above can carry an
/// exponent (a one-letter right-hand side "= t", or a parenthesised number "(0.2)"), the exponent is
/// put back there as a superscript, and the same expression glued to the next word ("s = tis") is
/// mended wherever it recurs. Lines with several exponents are ambiguous and only removed.
/// </summary>
public static partial class Superscripts
{
    private const int LinesToSearch = 3;

    public static List<string> Restore(IReadOnlyList<string> lines)
    {
        var kept = new List<string>();
        var restored = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (!Debris().IsMatch(line))
            {
                kept.Add(lines[i]);
                continue;
            }
            var isAlone = (i == 0 || !Debris().IsMatch(lines[i - 1].Trim())) && (i + 1 == lines.Count || !Debris().IsMatch(lines[i + 1].Trim()));
            if (isAlone && !line.Contains(' '))
                TryAttach(kept, ToSuperscript(line), restored);
        }
        foreach (var expression in restored)
        {
            // "s = t²" restored above; the extraction also glued "s = t" to the next word elsewhere ("s = tis").
            var glued = new Regex(Regex.Escape(expression[..^1]) + @"(?=is\b)");
            for (var k = 0; k < kept.Count; k++)
                kept[k] = glued.Replace(kept[k], expression + " ");
        }
        return kept;
    }

    private static void TryAttach(List<string> kept, string exponent, List<string> restored)
    {
        var candidates = new List<(int Line, Match Spot)>();
        for (var k = Math.Max(0, kept.Count - LinesToSearch); k < kept.Count; k++)
            foreach (Match spot in ExponentSpot().Matches(kept[k]))
                candidates.Add((k, spot));
        if (candidates.Count != 1)
            return;
        var (lineIndex, match) = candidates[0];
        var end = match.Index + match.Length;
        kept[lineIndex] = kept[lineIndex][..end] + exponent + kept[lineIndex][end..];
        if (exponent.Length == 1 && match.Value.Contains('='))
            restored.Add(match.Value + exponent);
    }

    private static string ToSuperscript(string digits)
    {
        var builder = new StringBuilder(digits.Length);
        foreach (var c in digits)
            builder.Append(c switch { '1' => '¹', '2' => '²', '3' => '³', _ => (char)('⁰' + (c - '0')) });
        return builder.ToString();
    }

    /// <summary>A line of only small numbers: "2", "2 2", "10".</summary>
    [GeneratedRegex(@"^\d{1,2}( \d{1,2})*$")]
    private static partial Regex Debris();

    /// <summary>"s = t" (a single-letter right-hand side ending a clause) or "(0.2)" before a space or full stop.</summary>
    [GeneratedRegex(@"\b[a-z] = [a-z](?=[.,;]?(\s|$))|\(\d+(\.\d+)?\)(?=[.\s]|$)")]
    private static partial Regex ExponentSpot();
}
