using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;
using GraphRag.Store;

namespace GraphRag.Tests.Ingest.Reading.Formats.Docx;

/// <summary>
/// Word documents read through <see cref="ArticleReader"/>. The expected text is what Word shows for
/// <see cref="TestDocx.ReadingNotes"/>: its paragraphs in order, list markers as Word numbers them,
/// table rows, the accepted revision, the PAGE field's result, and the footnote at the end.
/// </summary>
public sealed class DocxReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ArticleReader _reader = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Headings_come_from_styles_lists_keep_their_markers_and_tables_are_rows_of_cells()
    {
        var report = _reader.Read(Write("notes.docx", TestDocx.ReadingNotes()));
        Assert.Equal("docx", report.Format);
        var article = Assert.Single(report.Articles);
        // The Title paragraph names the article, ahead of the "Template title" property.
        Assert.Equal("Quarterly Reading Notes", article.Title);
        Assert.Equal("""
            ## Sources

            We read three papers this quarter.[1]

            - Attention Is All You Need
            - BERT
              - masked language modelling

            ### Ranking

            1. Collect queries
            2. Judge documents
              a) graded
              b) binary
            3. Compute nDCG

            Metric | Value
            nDCG@10 | 0.42
            MRR | 0.51

            ## Results

            Scores rose after the new judging guide
            (see page 4).

            ## Notes

            [1] All three are open access.
            """, article.Text);
        Assert.Equal("Grace Hopper", article.Author);
        Assert.Equal("2024-04-02", article.Published);
        Assert.Null(article.Pages);
    }

    [Fact]
    public void Document_without_title_or_opening_heading_is_titled_by_its_title_property_else_its_file_name()
    {
        Assert.Equal("Lab meeting", Assert.Single(_reader.Read(Write("a.docx", TestDocx.PlainNote("Lab meeting"))).Articles).Title);
        var untitled = Assert.Single(_reader.Read(Write("lab-meeting-3.docx", TestDocx.PlainNote(null))).Articles);
        Assert.Equal("lab-meeting-3", untitled.Title);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", untitled.Text);
    }

    [Fact]
    public async Task Ingested_docx_chunks_follow_its_headings_and_slice_the_stored_text_exactly()
    {
        var path = Write("notes.docx", TestDocx.ReadingNotes());
        var database = new GraphRagDatabase(_dir.File("notes.db"));

        var summary = await new IngestionPipeline(database, _reader, new ChunkingOptions())
            .IngestAsync([path], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, summary.Failed);
        var store = new ArticleStore(database);
        var article = Assert.Single(store.ListArticles());
        var chunks = store.ChunksOf(article.Id);
        Assert.All(chunks, c => Assert.Equal(c.Text, article.Text[c.StartOffset..c.EndOffset]));
        Assert.Equal(["Sources", "Sources > Ranking", "Results", "Notes"], chunks.Select(c => c.HeadingPath));
    }

    [Fact]
    public void Encrypted_docx_is_refused_by_name_as_encrypted()
    {
        var path = Write("salaries.docx", TestDocx.Encrypted());
        var error = Assert.Throws<IngestionException>(() => _reader.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("encrypted with a password", error.Problem);
    }

    [Fact]
    public void Truncated_docx_is_refused_as_damaged()
    {
        var whole = TestDocx.ReadingNotes();
        var path = Write("cut.docx", whole[..(whole.Length / 2)]);
        var error = Assert.Throws<IngestionException>(() => _reader.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("not a readable Word document (damaged or truncated?)", error.Problem);
    }

    [Fact]
    public void Zip_named_docx_without_a_word_document_is_refused_with_the_reason()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            using (var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open()))
                entry.Write("not a word document");
        var path = Write("fake.docx", zip.ToArray());
        var error = Assert.Throws<IngestionException>(() => _reader.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("Word document", error.Problem);
    }

    [Fact]
    public void Old_binary_doc_is_refused_with_a_hint_to_save_as_docx()
    {
        // An OLE compound file with no EncryptedPackage stream, as a Word 97–2003 .doc is.
        var bytes = TestDocx.Encrypted();
        var name = System.Text.Encoding.Unicode.GetBytes("EncryptedPackage");
        var at = bytes.AsSpan().IndexOf(name);
        System.Text.Encoding.Unicode.GetBytes("WordDocument\0\0\0\0").CopyTo(bytes, at);
        var docx = Assert.Throws<IngestionException>(() => _reader.Read(Write("old.docx", bytes)));
        Assert.Contains("save it as .docx", docx.Problem);
        var doc = Assert.Throws<IngestionException>(() => _reader.Read(Write("old.doc", bytes)));
        Assert.Contains("Word 97–2003 .doc", doc.Problem);
    }
}
