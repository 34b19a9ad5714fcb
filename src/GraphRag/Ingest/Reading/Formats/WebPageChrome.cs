using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading.Formats;

/// <summary>
/// Site chrome that web clippers (Medium and Towards Data Science pages in particular) leave in an
/// article's Markdown: sign-up and sign-in prompts, follow buttons, clap and response counts, empty
/// link stubs, paywall notes, image credits, and the "More from …" / "Recommended from Medium" lists
/// after the story, which name other articles and would pollute search and the graph.
/// </summary>
public static partial class WebPageChrome
{
    private const int MaxChromeLength = 200;

    private static readonly HashSet<string> ChromeLines = new(StringComparer.OrdinalIgnoreCase)
    {
        "Sign up", "Sign in", "Open in app", "Write", "Listen", "Share", "Follow", "·Follow", "Mastodon",
        "Member-only story", "Top highlight", "In", "--", "·", "Published in", "Continue in app", "Or, continue in mobile web",
    };

    /// <summary>The story is over where any of these starts: the rest is the site around it.</summary>
    public static int StoryEnd(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = Normalize(lines[i]);
            if (line is "Sign up with Google" or "Sign up with Facebook" or "Sign up with email" or "Already have an account? Sign in"
                    or "Create an account to read the full story." or "Recommended from Medium"
                || ArticleCard().IsMatch(line)
                || line.StartsWith("The author made this story available to Medium members only", StringComparison.Ordinal)
                || line.StartsWith("See all from ", StringComparison.Ordinal)
                || SectionBanner().IsMatch(line)
                || (line.StartsWith("More from ", StringComparison.Ordinal) && i + 1 < lines.Count && SetextRule().IsMatch(lines[i + 1])))
                return i;
        }
        return lines.Count;
    }

    /// <summary>True for a line that is page furniture rather than part of the story.</summary>
    public static bool IsChrome(string line)
    {
        // Every chrome pattern is a short line; prose paragraphs skip the patterns.
        if (line.Length > MaxChromeLength)
            return false;
        var trimmed = Normalize(line);
        return ChromeLines.Contains(trimmed)
            || ReadingTime().IsMatch(trimmed)
            || LinkStubs().IsMatch(trimmed)
            || Counts().IsMatch(trimmed)
            || PaywallNote().IsMatch(trimmed)
            || ImageCredit().IsMatch(trimmed)
            || RelativeDate().IsMatch(trimmed);
    }

    /// <summary>Trimmed, with no-break spaces (which Medium puts inside its prompts) made plain.</summary>
    private static string Normalize(string line) => line.Replace('\u00A0', ' ').Trim();

    /// <summary>The author named by a Medium page: its "Title | by Name | Mon, yyyy | Publication" line,
    /// its "Written by Name" banner, or the name just above the follow button.</summary>
    public static string? Author(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
            if (PageTitle().Match(line) is { Success: true } byline)
                return byline.Groups["author"].Value.Trim();
        foreach (var line in lines)
            if (SectionBanner().Match(line.Trim()) is { Success: true } banner && banner.Groups["kind"].Value == "Written by")
                return banner.Groups["name"].Value.Trim();
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Trim() != "·Follow")
                continue;
            var previous = lines.Take(i).Reverse().FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
            if (previous is not null && !IsChrome(previous))
                return previous;
        }
        return null;
    }

    /// <summary>The browser-tab title a clipper puts first ("Story | by Name | Oct, 2024 | Publication").</summary>
    public static bool IsPageTitle(string line) => PageTitle().IsMatch(line);

    /// <summary>A line of only '=' or '-': the underline of a setext heading (or a rule).</summary>
    public static bool IsSetextRule(string line) => SetextRule().IsMatch(line);

    // A recommended story collapsed onto one line: "Title ------------ ### Subtitle".
    [GeneratedRegex(@"^\S.*\s-{5,}(\s+###\s.*)?$")]
    private static partial Regex ArticleCard();

    [GeneratedRegex(@"^\d+ min read$")]
    private static partial Regex ReadingTime();

    [GeneratedRegex(@"^(\[\]\(\s*)+$")]
    private static partial Regex LinkStubs();

    // "4.1K", "2.3K 22", "305": claps and responses. Numbers alone on a line carry no meaning in prose.
    [GeneratedRegex(@"^\d+(\.\d+)?K?((\s+|\s*·\s*)\d+(\.\d+)?K?)*$")]
    private static partial Regex Counts();

    [GeneratedRegex(@"^>?\s*\**\s*(Not a member|Non-member|Member-only)", RegexOptions.IgnoreCase)]
    private static partial Regex PaywallNote();

    // "source: unsplash.com", "Image created by the author.", "AI Generated using Ideogram 2.0", "Photo by X on Unsplash",
    // "Self attention. Image by author".
    [GeneratedRegex(@"^(?=.{0,80}$)(source:\s*[\w .'-]{0,60}|AI[ -]generated\b.*|(Image|Photo|Picture|Illustration)\b.*\b(by|from|using|generated|created|Unsplash|Canva|author)\b.*)$"
        + @"|^(The )?(pictures?|images?|figures?) (is |are |were )?(adapted|taken|reproduced) from\b.{0,40}$"
        + @"|^.{0,160}\b(Image|Photo|Picture|Illustration)s? (generated |created |made )?(by|from) (the )?author\b.{0,30}$", RegexOptions.IgnoreCase)]
    private static partial Regex ImageCredit();

    // "2 days ago", "Oct 7", "Nov 3, 2024": the byline's date, alone on its line.
    [GeneratedRegex(@"^(\d+ (minutes?|hours?|days?|weeks?) ago|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(, \d{4})?)$")]
    private static partial Regex RelativeDate();

    [GeneratedRegex(@"\| by (?<author>[^|]+) \|")]
    private static partial Regex PageTitle();

    [GeneratedRegex(@"^(?<kind>Written by|Published in) (?<name>.+?)\s*-{3,}$")]
    private static partial Regex SectionBanner();

    [GeneratedRegex(@"^\s*(=+|-+)\s*$")]
    private static partial Regex SetextRule();
}
