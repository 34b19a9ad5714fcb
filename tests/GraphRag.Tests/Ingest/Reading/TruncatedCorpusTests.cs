using System.Text;
using GraphRag.Ingest;
using GraphRag.Ingest.Reading;

namespace GraphRag.Tests.Ingest.Reading;

/// <summary>
/// A file cut short (a partial copy, a download that stopped) must still read to articles or fail
/// with an IngestionException naming the file: never another exception that would stop a batch.
/// Every corpus file is cut at many points, so each format reader meets its structure broken off.
/// </summary>
public sealed class TruncatedCorpusTests
{
    private const int CutsPerFile = 40;

    public static TheoryData<string> CorpusFiles() =>
        new(Directory.GetFiles(TestPaths.Repo("corpus"), "*.txt").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Truncated_corpus_file_reads_or_fails_cleanly(string name)
    {
        var path = TestPaths.Repo("corpus", name);
        var bytes = File.ReadAllBytes(path);
        var reader = new ArticleReader();
        var outcomes = new StringBuilder();
        for (var cut = 1; cut <= CutsPerFile; cut++)
        {
            // Cuts spread over the file, including ones inside multi-byte characters.
            var length = (int)((long)bytes.Length * cut / (CutsPerFile + 1));
            try
            {
                var report = reader.Read(path, bytes[..length]);
                Assert.All(report.Articles, a => Assert.False(string.IsNullOrWhiteSpace(a.Text)));
                outcomes.Append('.');
            }
            catch (IngestionException ex)
            {
                Assert.Equal(path, ex.FilePath);
                Assert.DoesNotContain("could not be read as", ex.Problem); // a reader bug, not a bad file
                outcomes.Append('x');
            }
        }
        Assert.Contains('.', outcomes.ToString());
    }
}
