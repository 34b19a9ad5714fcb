using GraphRag.Graph.Model;

namespace GraphRag.Graph.Extract;

/// <summary>
/// Assigns an entity type from the name's head word ("ranking metric" → metric), from what the text
/// says it is ("NDCG is a metric"), or from its shape (a versioned code name like "GPT-3" → model;
/// a two- or three-word capitalised name in a person context → person).
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

    private static readonly HashSet<string> PersonCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "wrote", "argued", "argues", "founded", "proposed", "professor", "researcher", "author", "scientist",
        "statistician", "mathematician", "physicist", "dr", "mr", "mrs", "ms", "prof", "ceo", "according", "he", "she",
    };

    /// <summary>The type a name's words imply, or null when they imply none.</summary>
    public static string? FromName(string name)
    {
        var words = name.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        var key = EntityKeys.Normalize(name);
        if (HeadWords.TryGetValue(key.Replace(" ", ""), out var whole))
            return whole;
        if (HeadWords.TryGetValue(words[^1], out var head) || HeadWords.TryGetValue(EntityKeys.Normalize(words[^1]), out head))
            return head;
        foreach (var word in words)
            if (HeadWords.TryGetValue(word, out var any) && any is EntityTypes.Organization or EntityTypes.Model)
                return any;
        return null;
    }

    public static string Classify(string name, CandidateKind kind, string? category, IEnumerable<string> contexts)
    {
        if (category is not null && FromName(category) is { } said)
            return said;
        if (FromName(name) is { } byName)
            return byName;
        if (kind is CandidateKind.Acronym or CandidateKind.CodeLike && name.Any(char.IsDigit))
            return EntityTypes.Model;
        if (kind == CandidateKind.ProperName && LooksLikePerson(name, contexts))
            return EntityTypes.Person;
        return kind switch
        {
            CandidateKind.ProperName or CandidateKind.CodeLike => EntityTypes.Product,
            _ => EntityTypes.Concept,
        };
    }

    private static bool LooksLikePerson(string name, IEnumerable<string> contexts)
    {
        var words = name.Split(' ');
        if (words.Length is < 2 or > 3 || !words.All(w => w.Length >= 2 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower)))
            return false;
        return contexts.Any(c => c.Split([' ', ',', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Any(PersonCues.Contains)
            || c.Contains(name + "’s", StringComparison.Ordinal) || c.Contains(name + "'s", StringComparison.Ordinal));
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
