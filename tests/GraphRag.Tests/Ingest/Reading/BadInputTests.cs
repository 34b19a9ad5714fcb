using System.Text;
using GraphRag.Ingest;
using GraphRag.Ingest.Reading;

namespace GraphRag.Tests.Ingest.Reading;

/// <summary>Each kind of bad file gives an IngestionException that names the file and the problem;
/// the awkward-but-valid encodings read fine. All through real files on disk.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ArticleReader _reader = new();

    public void Dispose() => _dir.Dispose();

    private IngestionException Refused(string name, byte[] bytes)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<IngestionException>(() => _reader.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith(path + ": ", error.Message);
        return error;
    }

    [Fact]
    public void Empty_file_is_refused_as_empty()
    {
        var error = Refused("empty.txt", []);
        Assert.Contains("empty", error.Problem);
    }

    [Fact]
    public void Whitespace_only_file_is_refused_as_holding_no_text()
    {
        var error = Refused("blank.md", Encoding.UTF8.GetBytes(" \r\n\t\n  "));
        Assert.Contains("no text", error.Problem);
    }

    [Fact]
    public void File_with_NUL_bytes_is_refused_as_binary_with_the_offset()
    {
        var bytes = Encoding.UTF8.GetBytes("hello world").Concat(new byte[] { 0, 1, 2, 3 }).ToArray();
        var error = Refused("data.txt", bytes);
        Assert.Contains("binary", error.Problem);
        Assert.Contains("byte offset 11", error.Problem);
    }

    [Fact]
    public void Utf16_without_bom_is_refused_with_a_hint()
    {
        var error = Refused("utf16-nobom.txt", Encoding.Unicode.GetBytes("Notes saved by an old editor\r\nwithout a byte-order mark"));
        Assert.Contains("UTF-16 text without a byte-order mark", error.Problem);
    }

    [Fact]
    public void File_full_of_control_characters_is_refused_as_binary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();
        var error = Refused("controls.txt", bytes);
        Assert.Contains("control characters", error.Problem);
    }

    [Fact]
    public void Png_image_is_refused_by_its_signature()
    {
        var error = Refused("picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);
        Assert.Contains("PNG image", error.Problem);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_the_byte_offset_of_the_bad_sequence()
    {
        // "café " in UTF-8 is 6 bytes (é is 2), then a lone 0xE9 (Latin-1 é) at offset 6.
        var bytes = Encoding.UTF8.GetBytes("café ").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes(" au lait")).ToArray();
        var error = Refused("latin1.txt", bytes);
        Assert.Contains("not valid UTF-8", error.Problem);
        Assert.Contains("byte offset 6", error.Problem);
        Assert.Contains("0xE9", error.Problem);
    }

    [Fact]
    public void File_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = _dir.File("huge.txt");
        using (var stream = File.Create(path))
            stream.SetLength(20L * 1024 * 1024); // 20 MB of zeros, sparse: refusing it must not need to read it
        var error = Assert.Throws<IngestionException>(() => _reader.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("20.0 MB", error.Problem);
        Assert.Contains("16 MB limit", error.Problem);
    }

    [Fact]
    public void Bytes_over_the_size_limit_are_refused_too()
    {
        var error = Assert.Throws<IngestionException>(() => _reader.Read("big.md", new byte[ArticleReader.MaxFileBytes + 1]));
        Assert.Contains("limit", error.Problem);
    }

    [Fact]
    public void Missing_file_is_refused_by_name()
    {
        var path = _dir.File("nowhere.txt");
        var error = Assert.Throws<IngestionException>(() => _reader.Read(path));
        Assert.Contains("does not exist", error.Problem);
    }

    [Fact]
    public void Utf8_with_bom_and_crlf_reads_with_lf_and_no_bom()
    {
        var path = _dir.File("windows.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Café notes\r\nFirst line\r\n\r\nSecond paragraph — done\r\n")]);
        var report = _reader.Read(path);
        var article = Assert.Single(report.Articles);
        Assert.Equal("Café notes", article.Title);
        Assert.Equal("First line\n\nSecond paragraph — done", article.Text);
        Assert.DoesNotContain('\r', article.Text);
        Assert.DoesNotContain('\uFEFF', article.Title);
    }

    [Fact]
    public void Utf16_with_bom_reads_like_utf8()
    {
        var path = _dir.File("utf16.md");
        File.WriteAllBytes(path, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("# Über Notizen\r\n\r\nText mit Umlauten: äöü.\r\n")).ToArray());
        var article = Assert.Single(_reader.Read(path).Articles);
        Assert.Equal("Über Notizen", article.Title);
        Assert.Equal("Text mit Umlauten: äöü.", article.Text);
    }

    [Fact]
    public void Old_mac_line_endings_become_lf()
    {
        var path = _dir.File("mac.txt");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes("Title\rline one\rline two"));
        Assert.Equal("line one\nline two", Assert.Single(_reader.Read(path).Articles).Text);
    }
}
