using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GraphRag.Ingest.Reading.Formats.Docx;

/// <summary>
/// What a paragraph's style makes of it: the document title (the Title style), a heading (an outline
/// level, set on the paragraph or on its style or a style it is based on, or a built-in "heading N"
/// style), and the list numbering a style may carry. Style names are compared, not ids: Word writes
/// the built-in names in English ("heading 1") whatever the language of the document.
/// </summary>
public sealed partial class DocxStyles
{
    /// <summary>Word's outline level 9 means body text.</summary>
    private const int BodyOutlineLevel = 9;

    private readonly Dictionary<string, Style> _byId;

    public DocxStyles(MainDocumentPart main)
    {
        _byId = main.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal) ?? [];
    }

    public bool IsTitle(Paragraph paragraph) =>
        Chain(paragraph).Any(s => Name(s) == "title")
        || (paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Title" && !_byId.ContainsKey("Title"));

    /// <summary>1 for "heading 1" (outline level 0), …; null for body text.</summary>
    public int? HeadingLevel(Paragraph paragraph)
    {
        var outline = paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value
            ?? Chain(paragraph).Select(s => s.StyleParagraphProperties?.OutlineLevel?.Val?.Value).FirstOrDefault(l => l is not null);
        if (outline is { } level)
            return level < BodyOutlineLevel ? level + 1 : null;
        foreach (var style in Chain(paragraph))
            if (HeadingName().Match(Name(style) ?? "") is { Success: true } heading)
                return int.Parse(heading.Groups[1].Value);
        // A document written without a styles part still names its heading styles by id.
        var id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        return id is not null && HeadingId().Match(id) is { Success: true } byId ? int.Parse(byId.Groups[1].Value) : null;
    }

    /// <summary>The numbering of a list paragraph: its own, else its style's.</summary>
    public NumberingProperties? Numbering(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.NumberingProperties
        ?? Chain(paragraph).Select(s => s.StyleParagraphProperties?.NumberingProperties).FirstOrDefault(n => n is not null);

    /// <summary>The paragraph's style and the styles it is based on, nearest first (cycles cut).</summary>
    private IEnumerable<Style> Chain(Paragraph paragraph)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        while (id is not null && seen.Add(id) && _byId.TryGetValue(id, out var style))
        {
            yield return style;
            id = style.BasedOn?.Val?.Value;
        }
    }

    private static string? Name(Style style) => style.StyleName?.Val?.Value?.ToLowerInvariant();

    [GeneratedRegex(@"^heading ([1-9])$")]
    private static partial Regex HeadingName();

    [GeneratedRegex(@"^Heading([1-9])$")]
    private static partial Regex HeadingId();
}
