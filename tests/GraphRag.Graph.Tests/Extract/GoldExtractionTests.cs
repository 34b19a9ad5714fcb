using GraphRag.Graph.Tests.Support;

namespace GraphRag.Graph.Tests.Extract;

public sealed class GoldExtractionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(GoldFile.Dev, false)]
    [InlineData(GoldFile.Test, false)]
    [InlineData(GoldFile.Dev, true)]
    [InlineData(GoldFile.Test, true)]
    public void Report(string split, bool encoder)
    {
        var gold = GoldFile.Load();
        var corpus = encoder ? GoldCorpus.WithEncoder : GoldCorpus.Instance;
        var total = GoldResult.Zero;
        foreach (var document in gold.Split(split))
        {
            var (entities, relations) = corpus.For(document.Article, document.Text);
            var result = GoldEvaluation.Evaluate(document, entities, relations);
            output.WriteLine($"{document.Id}: entities {result.Entities}; relations {result.Relations}");
            if (split == GoldFile.Dev && Environment.GetEnvironmentVariable("GOLD_TRACE") is not null)
            {
                var all = corpus.Trace(document.Article, document.Text);
                output.WriteLine("    trace: " + string.Join(" | ", all.Entities.Select(e => $"{e.Name}{(e.Tentative ? "?" : "")}")));
                output.WriteLine("    typed: " + string.Join(" | ", all.Relations.Where(r => r.Type != "co_occurs").Select(r => $"{r.SourceKey} -{r.Type}-> {r.TargetKey}")));
            }
            total += result;
        }
        output.WriteLine($"ALL {split}{(encoder ? " +encoder" : "")}: entities {total.Entities}; relations {total.Relations}; types {total.TypeAccuracy:F3}");
        foreach (var line in total.Wrong) output.WriteLine("  wrong " + line);
        foreach (var line in total.Missed) output.WriteLine("  missed " + line);
    }
}
