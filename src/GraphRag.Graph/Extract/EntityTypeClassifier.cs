using GraphRag.Graph.Model;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Assigns an entity type from the name's head word ("ranking metric" → metric), from what the text
/// says it is ("NDCG is a metric"), or from its shape (a versioned code name like "GPT-3" → model;
/// a two- to four-word capitalised name of proper nouns → person; a title of a work → work), and
/// "concept" when nothing says otherwise.
/// </summary>
public static class EntityTypeClassifier
{
    private static readonly Dictionary<string, string> HeadWords = Build(
        (EntityTypes.Metric, "metric measure score gain error precision recall accuracy loss rate ratio coefficient correlation distance similarity value f1 auc mse rmse mae ndcg mrr map perplexity bleu rouge"),
        (EntityTypes.Method, "algorithm method regression test analysis search retrieval learning sampling ranking technique approach indexing index clustering descent attention decomposition transform transformation estimation inference optimization optimisation encoding embedding tokenization tokenisation prompting tuning fine-tuning validation classification generation processing testing rag pagerank"),
        (EntityTypes.Model, "model network transformer encoder decoder llm llms bert gpt gpt2 gpt3 gpt4 llama mistral claude gemini chatgpt"),
        (EntityTypes.Organization, "inc corp corporation university institute laboratory lab labs company foundation google microsoft openai meta amazon apple nvidia cern anthropic deepmind linkedin twitter netflix spotify youtube reddit instagram quora facebook ibm stanford mit"),
        (EntityTypes.Dataset, "dataset datasets corpus benchmark"),
        (EntityTypes.Product, "library framework app application platform tool engine database api language python pandas numpy polars scikit-learn pytorch tensorflow sql sqlite neo4j excel jupyter streamlit docker kubernetes medium"));

    /// <summary>The type a name's words imply, or null when they imply none.</summary>
    public static string? FromName(string name)
    {
        if (FromHead(name) is { } head)
            return head;
        foreach (var word in name.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
            if (HeadWords.TryGetValue(word, out var any) && any is EntityTypes.Organization or EntityTypes.Model)
                return any;
        return null;
    }

    /// <summary>
    /// The type the name's head word (or the whole name) implies, or null: "ranking metric" → metric, but
    /// "model information" → null, whose head is "information" (a model word elsewhere in it types a name, not a term's head).
    /// </summary>
    public static string? FromHead(string name)
    {
        var words = name.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        if (HeadWords.TryGetValue(EntityKeys.Normalize(name).Replace(" ", ""), out var whole))
            return whole;
        return HeadWords.TryGetValue(words[^1], out var head) || HeadWords.TryGetValue(EntityKeys.Normalize(words[^1]), out head) ? head : null;
    }

    /// <param name="words">What the lexicon says about the words of a name (to tell a person's name from capitalised common words).</param>
    public static string Classify(string name, CandidateKind kind, string? category, IEnumerable<string> contexts, Lexicons.WordClasses words)
    {
        if (category is not null && FromName(category) is { } said)
            return said;
        if (kind == CandidateKind.Title)
            return EntityTypes.Work;
        if (FromName(name) is { } byName)
            return byName;
        if (kind is CandidateKind.Acronym or CandidateKind.CodeLike && name.Any(char.IsDigit))
            return EntityTypes.Model;
        if (kind == CandidateKind.ProperName && LooksLikePersonName(name, words))
            return EntityTypes.Person;
        return EntityTypes.Concept;
    }

    /// <summary>
    /// "Erich Schubert", "George F. Simmons", "Karen Spärck Jones": two to four capitalised words
    /// (initials allowed) whose first is a known first name or unknown to the lexicon, and none of
    /// which is an everyday English word or a common noun ("Data Science", "Chain Rule" are not people).
    /// </summary>
    private static bool LooksLikePersonName(string name, Lexicons.WordClasses words)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 4 || words.Lexicon.IsEmpty)
            return false;
        foreach (var part in parts)
        {
            var bare = part.TrimEnd('.');
            if (bare.Length == 1 && char.IsUpper(bare[0]))
                continue;
            // First names are frequent in speech ("Karen"): only a common word's lower-case form disqualifies.
            if (bare.Length < 2 || !char.IsUpper(bare[0]) || !bare.Skip(1).All(char.IsLower)
                || (words.Knows(bare.ToLowerInvariant()) && !words.IsKnownProperNoun(bare)))
                return false;
        }
        return words.IsKnownProperNoun(parts[0]) || !words.Knows(parts[0]);
    }

    private static Dictionary<string, string> Build(params (string Type, string Words)[] lists)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (type, words) in lists)
            foreach (var word in words.Split(' '))
                map.TryAdd(word, type);
        return map;
    }
}
