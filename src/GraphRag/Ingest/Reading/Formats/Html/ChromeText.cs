using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading.Formats.Html;

/// <summary>
/// The few kinds of chrome that plain markup cannot be told from the article by structure, only by what
/// they say: a short line made only of byline, date, reading-time and count items ("By Jane Doe · 6 min
/// read · 1.2K claps"), and the heading of a section of comments or related links ("Comments (42)",
/// "More from Jane Doe", "You might also like").
/// </summary>
public static partial class ChromeText
{
    /// <summary>Meta lines are short; a longer line is prose even if it starts with "By".</summary>
    private const int MaxMetaLine = 120;

    /// <summary>True for a line whose every item (between "·", "•", "|" or " - ") is a byline, date, reading time or count.</summary>
    public static bool IsMetaLine(string text)
    {
        var line = TextLayout.OneLine(text);
        if (line.Length is 0 or > MaxMetaLine)
            return false;
        return Separator().Split(line).Select(p => p.Trim()).Where(p => p.Length > 0)
            .All(item => Byline().IsMatch(item) || ReadingTime().IsMatch(item) || Count().IsMatch(item)
                || RelativeTime().IsMatch(item) || DateText.ToIso(DatePrefix().Replace(item, "")) is not null);
    }

    /// <summary>True for the heading of a comment or related-links section.</summary>
    public static bool IsChromeSectionHeading(string text) => SectionHeading().IsMatch(TextLayout.OneLine(text));

    [GeneratedRegex(@"\s[·•|]\s|\s[-–—]\s|^[·•|]|[·•|]$")]
    private static partial Regex Separator();

    // "By Jane Doe", "by J. R. Smith", "Posted by Martin".
    [GeneratedRegex(@"^((posted|written|published) )?by \p{Lu}[\p{L}.'’-]*( \p{Lu}[\p{L}.'’-]*){0,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^\d+\s*(min|mins|minute|minutes)( read)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadingTime();

    // "1.2K claps", "42", "1,204 comments", "96 likes".
    [GeneratedRegex(@"^[\d.,]+\s*[KM]?\+?( (claps?|likes?|comments?|responses?|repl(y|ies)|reactions?|views?|reads?|followers?|following|shares?|restacks?|upvotes?|points?|subscribers?))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Count();

    [GeneratedRegex(@"^(\d+|an?) (second|minute|hour|day|week|month|year)s? ago$|^\d+ ?(s|m|h|d|w|mo|y|yr)\.?( ago)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeTime();

    [GeneratedRegex(@"^(published|posted|updated|last updated)( on)?:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex DatePrefix();

    [GeneratedRegex(@"^(\d[\d,.]*K? )?(comments?|responses?|replies|leave a (reply|comment)|related( (posts|articles|stories))?|read next|more from .+|recommended( for you| from .+)?|you (may|might) also like|popular posts|most (read|viewed|popular))( ?\(\d[\d,.]*K?\))?:?$", RegexOptions.IgnoreCase)]
    private static partial Regex SectionHeading();
}
