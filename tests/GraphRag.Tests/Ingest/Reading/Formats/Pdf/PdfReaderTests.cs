using GraphRag.Ingest;
using GraphRag.Ingest.Chunking;
using GraphRag.Ingest.Reading;
using GraphRag.Store;

namespace GraphRag.Tests.Ingest.Reading.Formats.Pdf;

/// <summary>
/// PDFs read through <see cref="ArticleReader"/> and ingested through the real pipeline into a real
/// SQLite file. The expected texts are the lines <see cref="TestPdfs.Report"/> prints, in the order a
/// reader reads them, with the header and page numbers gone and the hyphenated word joined.
/// </summary>
public sealed class PdfReaderTests : IDisposable
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

    private Article ReadReport() => Assert.Single(_reader.Read(Write("report.pdf", TestPdfs.Report())).Articles);

    [Fact]
    public void Text_is_in_reading_order_with_headings_from_font_size_and_without_page_furniture()
    {
        var article = ReadReport();
        // The 22 pt title names the article (the Title property is Word's placeholder and is ignored);
        // 15 pt headings are level 2, the 13 pt one level 3, the 11 pt body is text.
        Assert.Equal("Knowledge Graphs in Practice", article.Title);
        Assert.Equal("""
            ## Why graphs

            Graphs store entities and the relations between them. A triple names a subject, a predicate and an object. Most teams keep international identifiers for entities, so that two sources agree on who is who.

            Three habits keep a graph useful:
            - name every relation with a verb
            - record where each fact came from
            - merge duplicates early

            ### Storing triples

            A property graph keeps attributes on nodes and edges, while an RDF store keeps everything as triples. Either way the questions we ask decide the schema, and the schema should stay small enough to draw on one page. Drawing it is the cheapest review there is.

            ## Two columns

            The left column is read first. It explains that nodes carry labels and properties, and that a label groups nodes of one kind, such as Person or Paper, so that queries can start from all nodes of that kind at once. The right column is read second. It explains that an edge has a type and a direction, and that a traversal follows the edges from one node to the next until it reaches the answer.

            Queries come last. A question becomes a pattern of nodes and edges, and the store returns every place where the pattern matches.
            """, article.Text);
        Assert.DoesNotContain(TestPdfs.RunningHeader, article.Text);
    }

    [Fact]
    public void Author_and_date_come_from_the_document_properties()
    {
        var article = ReadReport();
        Assert.Equal("Ada Lovelace", article.Author);
        Assert.Equal("2024-03-05", article.Published);
    }

    [Fact]
    public void Page_map_places_each_passage_on_the_page_it_was_printed_on()
    {
        var article = ReadReport();
        var pages = Assert.IsType<PageMap>(article.Pages);
        var text = article.Text;
        Assert.Equal(1, pages.PageAt(0));
        Assert.Equal(1, pages.PageAt(text.IndexOf("small enough to draw on", StringComparison.Ordinal)));
        // The paragraph runs on from page 1 to page 2: its words after the break are on page 2.
        Assert.Equal(2, pages.PageAt(text.IndexOf("one page. Drawing", StringComparison.Ordinal)));
        Assert.Equal(2, pages.PageAt(text.IndexOf("until it reaches the answer", StringComparison.Ordinal)));
        Assert.Equal(3, pages.PageAt(text.IndexOf("Queries come last", StringComparison.Ordinal)));
        var paragraph = text.IndexOf("A property graph", StringComparison.Ordinal);
        Assert.Equal("pp. 1–2", pages.Label(paragraph, text.IndexOf("review there is.", StringComparison.Ordinal) + "review there is.".Length));
    }

    [Fact]
    public async Task Ingested_pdf_chunks_slice_the_stored_text_exactly_and_name_their_pages()
    {
        var path = Write("report.pdf", TestPdfs.Report());
        var database = new GraphRagDatabase(_dir.File("notes.db"));
        var pipeline = new IngestionPipeline(database, _reader, new ChunkingOptions { MaxTokens = 40, OverlapTokens = 0 });

        var summary = await pipeline.IngestAsync([path], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, summary.Failed);
        var store = new ArticleStore(database);
        var stored = Assert.Single(store.ListArticles());
        var pages = ReadReport().Pages!;
        var chunks = store.ChunksOf(stored.Id);
        Assert.True(chunks.Count >= 4, $"only {chunks.Count} chunks");
        Assert.All(chunks, c =>
        {
            Assert.Equal(c.Text, stored.Text[c.StartOffset..c.EndOffset]);
            Assert.EndsWith(pages.Label(c.StartOffset, c.EndOffset), c.HeadingPath);
        });
        Assert.Equal("Two columns > p. 3", chunks.Single(c => c.Text.StartsWith("Queries come last", StringComparison.Ordinal)).HeadingPath);
        Assert.Equal("Why graphs > p. 1", chunks[0].HeadingPath);
    }

    [Fact]
    public void Encrypted_pdf_is_refused_by_name_as_encrypted()
    {
        var path = Write("locked.pdf", TestPdfs.Encrypted());
        var error = Assert.Throws<IngestionException>(() => _reader.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("encrypted with a password", error.Problem);
    }

    [Fact]
    public void Image_only_pdf_is_refused_as_having_no_text_layer_and_ocr_unsupported()
    {
        var path = Write("scan.pdf", TestPdfs.Scan());
        var error = Assert.Throws<IngestionException>(() => _reader.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("no text layer", error.Problem);
        Assert.Contains("OCR is not supported", error.Problem);
    }

    [Fact]
    public void Truncated_pdf_is_refused_as_damaged()
    {
        var whole = TestPdfs.Report();
        var path = Write("cut.pdf", whole[..(whole.Length / 2)]);
        var error = Assert.Throws<IngestionException>(() => _reader.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("not a readable PDF (damaged or truncated?)", error.Problem);
    }

    [Fact]
    public async Task Bad_pdfs_fail_one_by_one_and_the_rest_of_the_batch_goes_in()
    {
        var folder = Path.Combine(_dir.Path, "inbox");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "a-report.pdf"), TestPdfs.Report());
        File.WriteAllBytes(Path.Combine(folder, "b-locked.pdf"), TestPdfs.Encrypted());
        File.WriteAllBytes(Path.Combine(folder, "c-scan.pdf"), TestPdfs.Scan());
        File.WriteAllBytes(Path.Combine(folder, "d-cut.pdf"), TestPdfs.Report()[..500]);
        File.WriteAllText(Path.Combine(folder, "e-note.md"), "# A note\n\nStill ingested.\n");
        var database = new GraphRagDatabase(_dir.File("batch.db"));

        var summary = await new IngestionPipeline(database, _reader, new ChunkingOptions())
            .IngestAsync([folder], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([FileStatus.Ingested, FileStatus.Failed, FileStatus.Failed, FileStatus.Failed, FileStatus.Ingested],
            summary.Files.Select(f => f.Status));
        Assert.Contains("encrypted", summary.Files[1].Error);
        Assert.Contains("OCR", summary.Files[2].Error);
        Assert.Contains("damaged", summary.Files[3].Error);
        Assert.Equal(["A note", "Knowledge Graphs in Practice"], new ArticleStore(database).ListArticles().Select(a => a.Title).Order());
    }

    [Fact]
    public void Pdf_with_only_body_text_is_titled_by_its_title_property()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.TimesRoman);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4)
            .AddText("Minutes of the reading group.", 11, new UglyToad.PdfPig.Core.PdfPoint(72, 700), font);
        builder.DocumentInformation.Title = "Reading group, 12 March";
        var article = Assert.Single(_reader.Read(Write("minutes.pdf", builder.Build())).Articles);
        Assert.Equal("Reading group, 12 March", article.Title);
        Assert.Equal("Minutes of the reading group.", article.Text);
    }
}
