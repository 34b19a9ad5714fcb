using GraphRag.Statistics;

namespace GraphRag.Claims.Tests.Gold;

/// <summary>
/// The checker's flags scored against the gold list on one split (scoring rules in Gold/README.md):
/// precision over every flag raised in the split's paragraphs, recall over the split's flag items,
/// each with its Wilson 95% interval.
/// </summary>
internal sealed record GoldScore(string Split, int Flags, int TrueFlags, int FlagItems, int FoundItems,
    IReadOnlyList<string> FalseFlags, IReadOnlyList<string> Missed)
{
    public double Precision => Flags == 0 ? 1 : (double)TrueFlags / Flags;

    public double Recall => FlagItems == 0 ? 1 : (double)FoundItems / FlagItems;

    public (double Low, double High) PrecisionInterval => Flags == 0 ? (0, 1) : ProportionInterval.Wilson(TrueFlags, Flags);

    public (double Low, double High) RecallInterval => FlagItems == 0 ? (0, 1) : ProportionInterval.Wilson(FoundItems, FlagItems);

    public static GoldScore Compute(GoldSplits gold, IReadOnlyList<IReadOnlyList<ClaimCheck>> checksByArticle, string split)
    {
        var flagItems = gold.Items.Where(l => l.Item.IsFlag && l.Item.Split == split).ToList();
        var found = new HashSet<GoldSplits.Located>();
        var flags = 0;
        var trueFlags = 0;
        var falseFlags = new List<string>();
        for (var a = 0; a < gold.Articles.Count; a++)
        {
            foreach (var check in checksByArticle[a].Where(c => c.Flags.Count > 0))
            {
                var (start, end) = (check.Claim.Start, check.Claim.End);
                if (gold.SplitAt(a, start) != split) continue;
                var overlapping = gold.Items.Where(l => l.Article == a && l.Start < end && start < l.End).ToList();
                if (overlapping.Any(l => !l.Item.IsScored)) continue;
                flags++;
                var hits = overlapping.Where(l => l.Item.IsFlag).ToList();
                if (hits.Count > 0)
                {
                    trueFlags++;
                    found.UnionWith(hits);
                }
                else
                {
                    falseFlags.Add($"{gold.Articles[a].Title} @{start}: '{check.Claim.Text}' [{string.Join(", ", check.Flags)}]");
                }
            }
        }
        var missed = flagItems.Where(l => !found.Contains(l)).Select(l => $"line {l.Item.Line}: '{l.Item.Quote}'").ToList();
        return new GoldScore(split, flags, trueFlags, flagItems.Count, found.Count(l => l.Item.Split == split), falseFlags, missed);
    }

    public override string ToString()
    {
        var (pl, ph) = PrecisionInterval;
        var (rl, rh) = RecallInterval;
        return $"{Split}: precision {TrueFlags}/{Flags} = {Precision:0.000} [Wilson 95% {pl:0.000}, {ph:0.000}], " +
               $"recall {FoundItems}/{FlagItems} = {Recall:0.000} [{rl:0.000}, {rh:0.000}]" +
               string.Concat(FalseFlags.Select(f => "\n  false flag: " + f)) +
               string.Concat(Missed.Select(m => "\n  missed: " + m));
    }
}
