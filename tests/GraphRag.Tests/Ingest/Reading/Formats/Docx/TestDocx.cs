using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace GraphRag.Tests.Ingest.Reading.Formats.Docx;

/// <summary>
/// Word documents built in the tests with the Open XML SDK, shaped the way Word saves them: a styles
/// part (Title, Heading 1–2 with their outline levels, a custom heading style based on nothing but
/// carrying an outline level), a numbering part (a bullet list and a "1. / a)" numbered list), a table,
/// a footnote with Word's separator notes, a tracked deletion and insertion, a PAGE field, and a line break.
/// </summary>
public static class TestDocx
{
    private const int BulletList = 1, NumberedList = 2;

    public static byte[] ReadingNotes()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
            main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
                new Footnote(new Paragraph(
                    new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReferenceMark()),
                    new Run(new WordText(" All three are open access.") { Space = SpaceProcessingModeValues.Preserve }))) { Id = 1 });
            main.Document = new Document(new Body(
                Styled("Title", "Quarterly Reading Notes"),
                Styled("Heading1", "Sources"),
                new Paragraph(
                    new Run(new WordText("We read three papers this quarter.")),
                    new Run(new FootnoteReference { Id = 1 })),
                Item(BulletList, 0, "Attention Is All You Need"),
                Item(BulletList, 0, "BERT"),
                Item(BulletList, 1, "masked language modelling"),
                Styled("Heading2", "Ranking"),
                Item(NumberedList, 0, "Collect queries"),
                Item(NumberedList, 0, "Judge documents"),
                Item(NumberedList, 1, "graded"),
                Item(NumberedList, 1, "binary"),
                Item(NumberedList, 0, "Compute nDCG"),
                Table(["Metric", "Value"], ["nDCG@10", "0.42"], ["MRR", "0.51"]),
                Styled("ChapterHeading", "Results"),
                new Paragraph(
                    new Run(new WordText("Scores rose after the ")),
                    new DeletedRun(new Run(new DeletedText("old"))),
                    new InsertedRun(new Run(new WordText("new"))),
                    new Run(new WordText(" judging guide") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new Break(), new WordText("(see page ")),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                    new Run(new WordText("4")),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                    new Run(new WordText(")."))),
                new Paragraph(),
                new SectionProperties()));
            document.PackageProperties.Title = "Template title";
            document.PackageProperties.Creator = "Grace Hopper";
            document.PackageProperties.Created = new DateTime(2024, 4, 2, 9, 30, 0, DateTimeKind.Utc);
        }
        return stream.ToArray();
    }

    /// <summary>A document with body paragraphs only: no Title paragraph, no opening heading.</summary>
    public static byte[] PlainNote(string? titleProperty)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(
                new Paragraph(new Run(new WordText("First paragraph."))),
                new Paragraph(new Run(new WordText("Second paragraph.")))));
            if (titleProperty is not null)
                document.PackageProperties.Title = titleProperty;
        }
        return stream.ToArray();
    }

    private static Paragraph Styled(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new WordText(text)));

    private static Paragraph Item(int list, int level, string text) =>
        new(new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = list })),
            new Run(new WordText(text)));

    private static Table Table(params string[][] rows) =>
        new(rows.Select(cells => new TableRow(cells.Select(c => new TableCell(new Paragraph(new Run(new WordText(c))))))));

    private static Styles Styles() => new(
        Style("Normal", "Normal", basedOn: null, outline: null),
        Style("Title", "Title", "Normal", outline: null),
        Style("Heading1", "heading 1", "Normal", outline: 0),
        Style("Heading2", "heading 2", "Normal", outline: 1),
        Style("ChapterHeading", "Chapter Heading", basedOn: null, outline: 0),
        Style("ListParagraph", "List Paragraph", "Normal", outline: null));

    private static Style Style(string id, string name, string? basedOn, int? outline)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (basedOn is not null)
            style.Append(new BasedOn { Val = basedOn });
        if (outline is not null)
            style.Append(new StyleParagraphProperties(new OutlineLevel { Val = outline }));
        return style;
    }

    private static Numbering Numbering() => new(
        new AbstractNum(
            Level(0, NumberFormatValues.Bullet, "•"),
            Level(1, NumberFormatValues.Bullet, "o")) { AbstractNumberId = 10 },
        new AbstractNum(
            Level(0, NumberFormatValues.Decimal, "%1."),
            Level(1, NumberFormatValues.LowerLetter, "%2)")) { AbstractNumberId = 20 },
        new NumberingInstance(new AbstractNumId { Val = 10 }) { NumberID = BulletList },
        new NumberingInstance(new AbstractNumId { Val = 20 }) { NumberID = NumberedList });

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };

    /// <summary>
    /// What Word saves when a .docx is given a password (MS-OFFCRYPTO): an OLE compound file (MS-CFB,
    /// version 3, 512-byte sectors) with an "EncryptionInfo" and an "EncryptedPackage" stream. The
    /// streams hold filler here, as the reader only has to recognise the container, not decrypt it.
    /// </summary>
    public static byte[] Encrypted()
    {
        const int sector = 512, streamSectors = 8; // 4096 bytes each: the smallest stream kept out of the mini stream
        const uint free = 0xFFFFFFFF, endOfChain = 0xFFFFFFFE, fatSector = 0xFFFFFFFD;
        var file = new byte[sector * (1 + 1 + 1 + 2 * streamSectors)];
        var span = file.AsSpan();

        // Header.
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(span);
        Put16(span, 0x18, 0x003E); Put16(span, 0x1A, 3); Put16(span, 0x1C, 0xFFFE); Put16(span, 0x1E, 9); Put16(span, 0x20, 6);
        Put32(span, 0x2C, 1);          // FAT sectors
        Put32(span, 0x30, 1);          // first directory sector
        Put32(span, 0x38, 4096);       // mini stream cutoff
        Put32(span, 0x3C, endOfChain); // no mini FAT
        Put32(span, 0x44, endOfChain); // no DIFAT sectors
        Put32(span, 0x4C, 0);          // DIFAT[0]: the FAT is sector 0
        for (var i = 1; i < 109; i++)
            Put32(span, 0x4C + 4 * i, free);

        // Sector 0, the FAT: itself, the directory (sector 1), then two chains of 8 sectors from sector 2.
        var fat = span[sector..];
        for (var i = 0; i < 128; i++)
            Put32(fat, 4 * i, free);
        Put32(fat, 0, fatSector);
        Put32(fat, 4, endOfChain);
        for (var s = 0; s < 2 * streamSectors; s++)
            Put32(fat, 4 * (2 + s), s % streamSectors == streamSectors - 1 ? endOfChain : (uint)(3 + s));

        // Sector 1, the directory: the root with its two streams as a red-black tree (root's child, then a right sibling).
        var directory = span[(2 * sector)..];
        Entry(directory[..128], "Root Entry", type: 5, child: 1, right: free, start: endOfChain, size: 0);
        Entry(directory[128..256], "EncryptionInfo", type: 2, child: free, right: 2, start: 2, size: 4096);
        Entry(directory[256..384], "EncryptedPackage", type: 2, child: free, right: free, start: 2 + streamSectors, size: 4096);
        Entry(directory[384..512], "", type: 0, child: free, right: free, start: 0, size: 0);
        span[(3 * sector)..].Fill(0x5A);
        return file;

        static void Entry(Span<byte> entry, string name, byte type, uint child, uint right, uint start, uint size)
        {
            var nameBytes = Encoding.Unicode.GetBytes(name);
            nameBytes.CopyTo(entry);
            Put16(entry, 0x40, (ushort)(name.Length == 0 ? 0 : nameBytes.Length + 2));
            entry[0x42] = type;
            entry[0x43] = 1; // black
            Put32(entry, 0x44, free);
            Put32(entry, 0x48, right);
            Put32(entry, 0x4C, child);
            Put32(entry, 0x74, start);
            Put32(entry, 0x78, size);
        }
    }

    private static void Put16(Span<byte> bytes, int offset, ushort value) => BitConverter.TryWriteBytes(bytes[offset..], value);

    private static void Put32(Span<byte> bytes, int offset, uint value) => BitConverter.TryWriteBytes(bytes[offset..], value);
}
