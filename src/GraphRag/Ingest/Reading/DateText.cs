using System.Globalization;

namespace GraphRag.Ingest.Reading;

/// <summary>Publication dates as ISO 8601 calendar dates ("2023-10-03"), whatever way a source wrote them.</summary>
public static class DateText
{
    private static readonly string[] Formats =
        ["MMMM d, yyyy", "MMM d, yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyy-MM-dd"];

    /// <summary>The date as "yyyy-MM-dd", or null when <paramref name="text"/> is not a date.</summary>
    public static string? ToIso(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
            return stamp.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return null;
    }
}
