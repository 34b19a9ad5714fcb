using GraphRag.Graph.Tests.Support;

namespace GraphRag.Graph.Tests.Extract;

/// <summary>
/// Extraction against hand annotations of 53 corpus passages (Gold/gold.json: 41 dev, 12 test,
/// annotated before the extractor ran on them; tuning looked at dev only). Each passage is scored on
/// what the graph holds for it after the whole corpus is extracted (its article's entities and
/// relations, confirmed across the notes). The floors are the figures measured on 2026-12-03 (issue 15, sixth round's
/// extractor; bench/RESULTS.md, "graph quality (issue 15)") minus 0.05: a change that loses more fails here.
/// </summary>
public sealed class GoldExtractionTests(ITestOutputHelper output)
{
    private const double Margin = 0.05;

    // Test split, offline extractor, measured once after the sixth round's tuning: entities P 0.817 (58/71), R 0.731 (57/78); types
    // 0.690 (40/58), unchanged from the fifth round. Rounds two to four had left it at 0.776 (52/67) / 0.654 (51/78).
    private const double EntityPrecision = 0.817, EntityRecall = 0.731;

    // Dev split (41 passages), offline extractor (what the rules were chosen on): entities P 0.892 (222/249), R 0.770 (211/274);
    // 0.862 (218/253) / 0.755 (207/274) before the sixth round. Its 8 new passages (seed 2028), annotated before the extractor ran on
    // them, scored 0.750 (30/40) / 0.698 (30/43) for the fifth round's extractor and 0.892 (33/37) / 0.767 (33/43) after the sixth.
    // The fifth round's 16 new dev passages, drawn and annotated before the extractor ran on them, scored 0.550 (33/60) / 0.667
    // (30/45) for the fourth round's extractor (8 passages) and 0.698 (37/53) / 0.648 (35/54) halfway through the fifth (8 more):
    // the dev figures overstate what fresh notes get. The 17 older dev passages went from 0.902 (101/112) / 0.727 (96/132) to
    // 0.890 (105/118) / 0.758 (100/132).
    private const double DevEntityPrecision = 0.892, DevEntityRecall = 0.770;

    // Dev and test together (53 passages): typed relations P 1.000 (28/28), R 0.757 (28/37); 45 passages, fifth round: 1.000 (26/26), R 0.813 (26/32); on the 29 passages of the fourth
    // round 1.000 (19/19), was 0.783 (18/23): a reading list's entries no longer type "introduced" links (an entry names a work and
    // its authors, it states nothing about them), and "two kinds of X: A and B" makes A and B kinds of X.
    private const double RelationPrecision = 1.000;

    // Test split with the encoder (USE lite) typing what nothing else typed: types 0.793 (46/58); 0.808 (42/52) before the fifth round.
    private const double TypeAccuracyWithEncoder = 0.793;

    private GoldResult Score(string split, GoldCorpus corpus)
    {
        var total = GoldResult.Zero;
        foreach (var document in GoldFile.Load().Split(split))
        {
            var (entities, relations) = corpus.For(document.Article, document.Text);
            var result = GoldEvaluation.Evaluate(document, entities, relations);
            output.WriteLine($"{document.Id}: entities {result.Entities}; relations {result.Relations}");
            // The errors themselves are printed for dev only: tuning may look at them, not at test's.
            if (split == GoldFile.Dev)
                output.WriteLine($"  wrong: {string.Join(" | ", result.Wrong)}\n  missed: {string.Join(" | ", result.Missed)}");
            total += result;
        }
        output.WriteLine($"{split}: entities {total.Entities}; typed relations {total.Relations}; types {total.TypeAccuracy:F3} ({total.TypesRight}/{total.TypesJudged})");
        return total;
    }

    [Fact]
    public void Entities_on_the_test_split_keep_their_measured_precision_and_recall()
    {
        var test = Score(GoldFile.Test, GoldCorpus.Instance);
        Assert.True(test.Entities.Precision >= EntityPrecision - Margin, $"entity precision {test.Entities}");
        Assert.True(test.Entities.Recall >= EntityRecall - Margin, $"entity recall {test.Entities}");
    }

    [Fact]
    public void Entities_on_the_dev_split_keep_their_tuned_precision_and_recall()
    {
        var dev = Score(GoldFile.Dev, GoldCorpus.Instance);
        Assert.True(dev.Entities.Precision >= DevEntityPrecision - Margin, $"entity precision {dev.Entities}");
        Assert.True(dev.Entities.Recall >= DevEntityRecall - Margin, $"entity recall {dev.Entities}");
    }

    [Fact]
    public void Typed_relations_keep_their_measured_precision()
    {
        var all = Score(GoldFile.Dev, GoldCorpus.Instance) + Score(GoldFile.Test, GoldCorpus.Instance);
        Assert.True(all.Relations.Precision >= RelationPrecision - Margin, $"typed relation precision {all.Relations}");
    }

    [Fact]
    public void The_encoder_types_entities_nothing_else_typed()
    {
        var test = Score(GoldFile.Test, GoldCorpus.WithEncoder);
        Assert.True(test.TypeAccuracy >= TypeAccuracyWithEncoder - Margin, $"type accuracy {test.TypeAccuracy:F3}");
        // Typing and resolution leave which entities are found as they were.
        Assert.Equal(Score(GoldFile.Test, GoldCorpus.Instance).Entities, test.Entities);
    }
}
