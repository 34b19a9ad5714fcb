using GraphRag.Graph.Extract;
using GraphRag.Graph.Model;
using GraphRag.Text;

namespace GraphRag.Graph.Retrieve;

/// <param name="How">"alias" (a name, acronym or variant the graph knows) or "fuzzy" (within a small edit distance).</param>
public sealed record LinkedEntity(string Key, string Surface, string How, double Confidence);

/// <summary>
/// Finds the graph's entities in a question: the longest word n-grams whose normalised form is a
/// known alias (so acronyms, expansions, plural and hyphen variants all link), then, for what is
/// left, aliases within one or two edits (typos) that agree on every digit ("GPT-2" never links to "GPT-3").
/// </summary>
public sealed class EntityLinker
{
    private const int MaxWords = 6;
    private readonly Dictionary<string, string> _aliasToEntity = new(StringComparer.Ordinal);
    // With each alias, its digits: compared before the edit distance, and computed once, not per question.
    private readonly ILookup<int, (string Alias, string Digits)> _aliasesByLength;

    public EntityLinker(IEnumerable<GraphEntity> entities)
    {
        foreach (var entity in entities)
        {
            _aliasToEntity.TryAdd(entity.Key, entity.Key);
            foreach (var alias in entity.Aliases.Append(entity.Name))
            {
                var key = EntityKeys.Normalize(alias);
                if (key.Length >= 2)
                    _aliasToEntity.TryAdd(key, entity.Key);
            }
        }
        _aliasesByLength = _aliasToEntity.Keys.Where(k => k.Length >= 5).ToLookup(k => k.Length, k => (k, Digits(k)));
    }

    /// <summary>The entity a normalised name is a name, acronym or variant of (<see cref="EntityKeys.Normalize(string)"/>), or null.</summary>
    public string? EntityOf(string aliasKey) => _aliasToEntity.GetValueOrDefault(aliasKey);

    public IReadOnlyList<LinkedEntity> Link(string question)
    {
        var tokens = Words.Find(question, new TextSpan(0, question.Length));
        var covered = new bool[tokens.Count];
        var links = new List<LinkedEntity>();
        foreach (var fuzzy in new[] { false, true })
        {
            for (var n = Math.Min(MaxWords, tokens.Count); n >= 1; n--)
            {
                for (var start = 0; start + n <= tokens.Count; start++)
                {
                    if (Enumerable.Range(start, n).Any(i => covered[i]))
                        continue;
                    var words = tokens.GetRange(start, n);
                    if (words.All(w => Lexicon.Stopwords.Contains(w.Text) || Lexicon.Verbs.Contains(w.Text)) || Lexicon.FunctionWords.Contains(words[0].Text) || Lexicon.FunctionWords.Contains(words[^1].Text))
                        continue;
                    var surface = question[words[0].Start..words[^1].End];
                    var key = EntityKeys.Normalize(NameFinderBare(surface));
                    var entity = fuzzy ? (n <= 3 ? Nearest(key) : null) : _aliasToEntity.GetValueOrDefault(key);
                    if (entity is null)
                        continue;
                    links.Add(new LinkedEntity(entity, surface, fuzzy ? "fuzzy" : "alias", fuzzy ? 0.5 : 1.0));
                    for (var i = start; i < start + n; i++)
                        covered[i] = true;
                }
            }
        }
        return links.DistinctBy(l => l.Key).ToList();
    }

    private static string Digits(string text) => string.Concat(text.Where(char.IsDigit));

    private static string NameFinderBare(string surface) => NameFinder.Bare(surface);

    private string? Nearest(string key)
    {
        if (key.Length < 5)
            return null;
        var budget = key.Length > 8 ? 2 : 1;
        var digits = Digits(key);
        string? best = null;
        var bestDistance = budget + 1;
        for (var length = key.Length - budget; length <= key.Length + budget; length++)
        {
            foreach (var (alias, aliasDigits) in _aliasesByLength[length])
            {
                if (aliasDigits != digits)
                    continue;
                var d = EditDistance.Bounded(key, alias, budget);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = alias;
                }
            }
        }
        return best is null ? null : _aliasToEntity[best];
    }
}
