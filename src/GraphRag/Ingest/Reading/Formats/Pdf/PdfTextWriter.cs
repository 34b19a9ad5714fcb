using System.Text;
using System.Text.RegularExpressions;

namespace GraphRag.Ingest.Reading.Formats.Pdf;

/// <summary>
/// Writes a PDF's runs as article text, noting where each page starts. Headings become "## " lines;
/// the lines of a paragraph are joined, a word hyphenated across a line break is joined back
/// ("inter-" + "national"), list items keep a line each, and a paragraph that runs on into the next
/// column or page (no closing punctuation, next block starts in lower case) stays one paragraph.
/// The text comes out tidy (<see cref="TextLayout.Tidy"/>), so the page offsets hold.
/// </summary>
public sealed partial class PdfTextWriter
{
    /// <summary>A line shorter than this share of its block's widest line, after a full stop, ends its paragraph.</summary>
    private const double ShortLineShare = 0.8;

    private readonly StringBuilder _text = new();
    private readonly List<(int Page, int Start)> _pageStarts = [];
    /// <summary>True while the last thing written is body text that the next block may continue.</summary>
    private bool _inParagraph;

    public string Text => _text.ToString();

    public PageMap Pages => new(_pageStarts);

    public void Write(PdfRun run)
    {
        if (run.Level > 0)
        {
            var heading = run.Lines.Skip(1).Aggregate(run.Lines[0].Text, JoinLine);
            StartParagraph(run.Page, new string('#', run.Level) + " " + heading);
            _inParagraph = false;
            return;
        }

        var widest = run.Lines.Max(l => l.Width);
        for (var i = 0; i < run.Lines.Count; i++)
        {
            var line = run.Lines[i];
            var item = ListItem().Match(line.Text);
            var text = item.Success ? "- " + line.Text[item.Length..] : line.Text;
            if (!_inParagraph)
                StartParagraph(run.Page, text);
            else if (item.Success || NumberedItem().IsMatch(text))
                Append(run.Page, "\n", text);
            else if (i == 0 ? !RunsOn(text) : EndsParagraph(run.Lines[i - 1], widest))
                StartParagraph(run.Page, text);
            else
                Continue(run.Page, text);
            _inParagraph = true;
        }
    }

    private void StartParagraph(int page, string text) => Append(page, _text.Length == 0 ? "" : "\n\n", text);

    private void Continue(int page, string text)
    {
        if (IsHyphenated(text))
        {
            _text.Length--;
            Append(page, "", text);
        }
        else if (_text[^1] == '\u00AD')
        {
            _text.Length--;
            Append(page, "", text);
        }
        else
        {
            Append(page, " ", text);
        }
    }

    private void Append(int page, string separator, string text)
    {
        _text.Append(separator);
        if (_pageStarts.Count == 0 || _pageStarts[^1].Page != page)
            _pageStarts.Add((page, _text.Length));
        _text.Append(text);
    }

    /// <summary>"inter-" then "national": a hyphen after a letter at the end of a line, and a lower-case word next.</summary>
    private bool IsHyphenated(string next) =>
        _text.Length >= 2 && _text[^1] == '-' && char.IsLetter(_text[^2]) && char.IsLower(next[0]);

    /// <summary>The next block carries on the sentence the last one left open (a column or page break mid-sentence).</summary>
    private bool RunsOn(string next) => !EndsSentence(_text[^1]) && char.IsLower(next[0]);

    private static bool EndsParagraph(PdfLine previous, double widest) =>
        EndsSentence(previous.Text[^1]) && previous.Width < widest * ShortLineShare;

    private static bool EndsSentence(char last) => last is '.' or '!' or '?' or ':' or ';' or '…' or '"' or '”' or '’' or ')' or ']';

    private static string JoinLine(string text, PdfLine next) =>
        text.Length >= 2 && text[^1] == '-' && char.IsLetter(text[^2]) && char.IsLower(next.Text[0])
            ? text[..^1] + next.Text
            : text + " " + next.Text;

    /// <summary>A bullet glyph opening a line ("• ", "◦ ", "– ").</summary>
    [GeneratedRegex(@"^[•◦▪▫●○■□‣⁃∙*–—-]\s+(?=\S)")]
    private static partial Regex ListItem();

    /// <summary>"1. ", "12) ", "a) ": a numbered or lettered item.</summary>
    [GeneratedRegex(@"^(\d{1,3}|[a-z])[.)]\s+\S")]
    private static partial Regex NumberedItem();
}
