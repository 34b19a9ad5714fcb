using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GraphRag.Ingest.Reading.Formats.Docx;

/// <summary>
/// The marker Word would print before a list paragraph: "-" for a bullet, else the level's text
/// ("%1.", "%1.%2.", "(%1)") filled with the running counts of its list, in the level's number format
/// (decimal, letters, roman). Counts run per list instance and restart below a level that advances.
/// </summary>
public sealed partial class DocxNumbering(MainDocumentPart main)
{
    private readonly Numbering? _numbering = main.NumberingDefinitionsPart?.Numbering;
    private readonly Dictionary<int, int[]> _counts = [];

    /// <summary>The marker, and the list level (0 = outermost) for indenting; null when the paragraph is not in a list.</summary>
    public (string Marker, int Level)? Next(NumberingProperties properties)
    {
        var numId = properties.NumberingId?.Val?.Value;
        var level = properties.NumberingLevelReference?.Val?.Value ?? 0;
        // numId 0 is Word's way of switching numbering off for a paragraph whose style has it.
        if (numId is null or 0 || level is < 0 or > 8)
            return null;
        var instance = _numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        var definition = _numbering?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
        var levels = Enumerable.Range(0, 9).Select(i => LevelOf(definition, instance, i)).ToArray();
        if (levels[level]?.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet || levels[level] is null)
            return ("-", level);

        if (!_counts.TryGetValue(numId.Value, out var counts))
            _counts[numId.Value] = counts = Enumerable.Range(0, 9).Select(i => Start(levels[i], instance, i) - 1).ToArray();
        counts[level]++;
        for (var deeper = level + 1; deeper < counts.Length; deeper++)
            counts[deeper] = Start(levels[deeper], instance, deeper) - 1;

        var text = levels[level]!.LevelText?.Val?.Value ?? $"%{level + 1}.";
        var marker = Placeholder().Replace(text, m =>
        {
            var which = m.Groups[1].Value[0] - '1';
            return Format(Math.Max(counts[which], Start(levels[which], instance, which)), levels[which]?.NumberingFormat?.Val?.Value);
        });
        return (marker.Trim().Length == 0 ? "-" : marker.Trim(), level);
    }

    /// <summary>The level's definition, a list instance's override taking precedence.</summary>
    private static Level? LevelOf(AbstractNum? definition, NumberingInstance? instance, int index) =>
        instance?.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == index)?.Level
        ?? definition?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == index);

    private static int Start(Level? level, NumberingInstance? instance, int index) =>
        instance?.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == index)?.StartOverrideNumberingValue?.Val?.Value
        ?? level?.StartNumberingValue?.Val?.Value
        ?? 1;

    private static string Format(int n, NumberFormatValues? format)
    {
        if (format == NumberFormatValues.LowerLetter)
            return Letters(n).ToLowerInvariant();
        if (format == NumberFormatValues.UpperLetter)
            return Letters(n);
        if (format == NumberFormatValues.LowerRoman)
            return Roman(n).ToLowerInvariant();
        if (format == NumberFormatValues.UpperRoman)
            return Roman(n);
        return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Word's letter numbering: A … Z, then AA … ZZ, AAA ….</summary>
    private static string Letters(int n) => n < 1 ? "" : new string((char)('A' + (n - 1) % 26), (n - 1) / 26 + 1);

    private static string Roman(int n)
    {
        var builder = new StringBuilder();
        foreach (var (value, numeral) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            for (; n >= value; n -= value)
                builder.Append(numeral);
        return builder.ToString();
    }

    [GeneratedRegex("%([1-9])")]
    private static partial Regex Placeholder();
}
