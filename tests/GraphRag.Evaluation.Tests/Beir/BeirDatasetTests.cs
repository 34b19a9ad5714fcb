using GraphRag.Evaluation.Beir;
using GraphRag.Tests;

namespace GraphRag.Evaluation.Tests.Beir;

public sealed class BeirDatasetTests
{
    [Fact]
    public void Reads_corpus_queries_and_qrels_and_keeps_only_judged_queries()
    {
        using var dir = new TempDirectory();
        var dataset = BeirDataset.Read(TinyBeir.Write(dir));
        Assert.Equal(4, dataset.Corpus.Count);
        Assert.Equal("Glaciers", dataset.Corpus[1].Title);
        Assert.Equal(["q1", "q2", "q3"], dataset.Queries.Select(q => q.Id));
        Assert.Equal(1, dataset.Qrels.For("q1")["p4"]);
    }

    [Fact]
    public void A_missing_qrels_split_is_named_in_the_error()
    {
        using var dir = new TempDirectory();
        TinyBeir.Write(dir);
        var ex = Assert.Throws<FileNotFoundException>(() => BeirDataset.Read(dir.Path, "dev"));
        Assert.Contains("dev.tsv", ex.Message);
    }

    [Fact]
    public void A_corpus_line_without_text_names_the_file_and_line()
    {
        using var dir = new TempDirectory();
        TinyBeir.Write(dir);
        File.AppendAllText(dir.File("corpus.jsonl"), "\n{\"_id\": \"p5\", \"title\": \"x\"}\n");
        var ex = Assert.Throws<InvalidDataException>(() => BeirDataset.Read(dir.Path));
        Assert.Contains("corpus.jsonl:5", ex.Message);
        Assert.Contains("\"text\"", ex.Message);
    }

    [Fact]
    public void Hotpotqa100_reads_with_two_supporting_passages_per_question()
    {
        var dataset = BeirDataset.Read(TestPaths.SharedOrSkip("bench", "hotpotqa100"));
        Assert.Equal(994, dataset.Corpus.Count);
        Assert.Equal(100, dataset.Queries.Count);
        Assert.All(dataset.Queries, q => Assert.Equal(2, dataset.Qrels.For(q.Id).Count));
    }
}
