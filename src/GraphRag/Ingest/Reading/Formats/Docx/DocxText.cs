using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace GraphRag.Ingest.Reading.Formats.Docx;

/// <summary>Writes a Word body as article text, block by block (see <see cref="DocxReader"/>).</summary>
public sealed class DocxText(DocxStyles styles, DocxNumbering numbering, IReadOnlyDictionary<(string Kind, long Id), OpenXmlElement> notes)
{
    private const string CellSeparator = " | ";

    private readonly StringBuilder _text = new();
    /// <summary>What the last block was: list items and table rows follow their own kind on the next line.</summary>
    private BlockKind _last = BlockKind.None;
    private readonly List<(string Kind, long Id)> _cited = [];

    private enum BlockKind { None, Paragraph, ListItem, TableRow }

    /// <summary>The Title-style paragraph, or the heading that opens the document.</summary>
    public string? Title { get; private set; }

    public string Text => _text.ToString();

    /// <summary>Characters of the document's paragraphs before any cleaning, one line break each.</summary>
    public long SourceCharacters { get; private set; }

    public void WriteBlocks(OpenXmlElement container)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    WriteParagraph(paragraph);
                    break;
                case Table table:
                    WriteTable(table);
                    break;
                case SdtBlock or SdtContentBlock or CustomXmlBlock:
                    WriteBlocks(element);
                    break;
                case SdtProperties or SdtEndCharProperties or SectionProperties:
                    break;
            }
        }
    }

    /// <summary>The cited notes, numbered in order of first citation, under "## Notes".</summary>
    public void WriteNotes()
    {
        if (_cited.Count == 0)
            return;
        Add(BlockKind.Paragraph, "## Notes");
        for (var n = 0; n < _cited.Count; n++)
        {
            var paragraphs = notes[_cited[n]].Elements<Paragraph>().Select(Inline).Where(t => t.Length > 0);
            Add(BlockKind.ListItem, $"[{n + 1}] {TextLayout.OneLine(string.Join(' ', paragraphs))}");
        }
    }

    private void WriteParagraph(Paragraph paragraph)
    {
        var text = Inline(paragraph);
        if (text.Trim().Length == 0)
            return;
        if (styles.IsTitle(paragraph) && Title is null && _text.Length == 0)
        {
            Title = TextLayout.OneLine(text);
            return;
        }
        if (styles.HeadingLevel(paragraph) is { } level)
        {
            // A heading that opens a document with no Title paragraph names it.
            if (Title is null && _text.Length == 0)
                Title = TextLayout.OneLine(text);
            else
                Add(BlockKind.Paragraph, new string('#', Math.Min(level + 1, 6)) + " " + TextLayout.OneLine(text));
            return;
        }
        if (styles.Numbering(paragraph) is { } properties && numbering.Next(properties) is var (marker, depth))
        {
            var indent = new string(' ', 2 * depth);
            var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            var continuation = "\n" + indent + new string(' ', marker.Length + 1);
            Add(BlockKind.ListItem, indent + marker + " " + string.Join(continuation, lines));
            return;
        }
        Add(BlockKind.Paragraph, text);
    }

    private void WriteTable(Table table)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = row.Elements<TableCell>()
                .Select(cell => TextLayout.OneLine(string.Join(' ', cell.Descendants<Paragraph>().Select(Inline))))
                .ToList();
            if (cells.Any(c => c.Length > 0))
                Add(BlockKind.TableRow, string.Join(CellSeparator, cells));
        }
        // The next table starts a block of its own, not more rows of this one.
        _last = BlockKind.None;
    }

    private void Add(BlockKind kind, string text)
    {
        if (_text.Length > 0)
            _text.Append(kind == _last && kind != BlockKind.Paragraph ? "\n" : "\n\n");
        _text.Append(text);
        _last = kind;
    }

    /// <summary>A paragraph's visible text: runs, hyperlinks, fields' results, insertions; line breaks kept.</summary>
    private string Inline(OpenXmlElement paragraph)
    {
        var builder = new StringBuilder();
        AppendInline(builder, paragraph);
        SourceCharacters += builder.Length + 1;
        return builder.ToString();
    }

    private void AppendInline(StringBuilder builder, OpenXmlElement element)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case WordText text:
                    builder.Append(text.Text);
                    break;
                case TabChar or PositionalTab:
                    builder.Append(' ');
                    break;
                case Break { Type.Value: var type } when type == BreakValues.Page || type == BreakValues.Column:
                    builder.Append(' ');
                    break;
                case Break or CarriageReturn:
                    builder.Append('\n');
                    break;
                case NoBreakHyphen:
                    builder.Append('-');
                    break;
                case FootnoteReference footnote:
                    builder.Append(Cite("footnote", footnote.Id?.Value));
                    break;
                case EndnoteReference endnote:
                    builder.Append(Cite("endnote", endnote.Id?.Value));
                    break;
                // What the reader does not see: deleted revisions, field instructions, pictures, text
                // boxes (their AlternateContent would give each twice), and formatting.
                case DeletedRun or DeletedText or FieldCode or DeletedFieldCode or Drawing or Picture or EmbeddedObject
                    or AlternateContent or RunProperties or ParagraphProperties or SoftHyphen:
                    break;
                default:
                    AppendInline(builder, child);
                    break;
            }
        }
    }

    private string Cite(string kind, long? id)
    {
        if (id is null || !notes.ContainsKey((kind, id.Value)))
            return "";
        var index = _cited.IndexOf((kind, id.Value));
        if (index < 0)
        {
            _cited.Add((kind, id.Value));
            index = _cited.Count - 1;
        }
        return $"[{index + 1}]";
    }
}
