namespace GraphRag.Claims.Tests.Gold;

/// <summary>
/// Where each gold item sits (article, offset, paragraph) and the split of every paragraph of the
/// corpus, by the rule in Gold/README.md: paragraphs in corpus order form three sequences (holding a
/// flag item, holding only other items, holding none) and alternate dev, test, dev, … within each.
/// </summary>
internal sealed class GoldSplits
{
    public sealed record Located(GoldItem Item, int Article, int Start, int End, int Paragraph);

    private readonly Dictionary<(int Article, int Paragraph), string> _byRule = [];

    public GoldSplits(IReadOnlyList<GoldArticle> articles, IReadOnlyList<GoldItem> items)
    {
        Articles = articles;
        Items = items.Select(item => Locate(articles, item)).ToList();
        var withItems = Items.GroupBy(l => (l.Article, l.Paragraph)).ToDictionary(g => g.Key, g => g.ToList());
        var counters = new int[3];
        for (var a = 0; a < articles.Count; a++)
        {
            for (var p = 0; p < articles[a].Paragraphs.Count; p++)
            {
                var sequence = !withItems.TryGetValue((a, p), out var held) ? 2 : held.Any(l => l.Item.IsFlag) ? 0 : 1;
                _byRule[(a, p)] = counters[sequence]++ % 2 == 0 ? "dev" : "test";
            }
        }
    }

    public IReadOnlyList<GoldArticle> Articles { get; }

    public IReadOnlyList<Located> Items { get; }

    /// <summary>The split of the paragraph of <paramref name="article"/> holding <paramref name="position"/>.</summary>
    public string SplitAt(int article, int position) => _byRule[(article, Articles[article].ParagraphAt(position))];

    public string RuleSplit(Located item) => _byRule[(item.Article, item.Paragraph)];

    private static Located Locate(IReadOnlyList<GoldArticle> articles, GoldItem item)
    {
        var index = articles.ToList().FindIndex(a => a.Title == item.Article);
        if (index < 0)
            throw new InvalidDataException($"{GoldList.Path}, line {item.Line}: no article of corpus/ is titled '{item.Article}'.");
        var text = articles[index].Text;
        var start = text.IndexOf(item.Quote, StringComparison.Ordinal);
        if (start < 0)
            throw new InvalidDataException($"{GoldList.Path}, line {item.Line}: the quote is not in '{item.Article}': {item.Quote}");
        if (text.IndexOf(item.Quote, start + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidDataException($"{GoldList.Path}, line {item.Line}: the quote occurs more than once in '{item.Article}'; lengthen it.");
        return new Located(item, index, start, start + item.Quote.Length, articles[index].ParagraphAt(start));
    }
}
