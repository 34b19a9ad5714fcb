using System.Numerics.Tensors;
using GraphRag.Graph.Model;
using Microsoft.Extensions.AI;

namespace GraphRag.Graph.Extract;

/// <summary>
/// What the sentence encoder (whichever IEmbeddingGenerator the app registers) adds to an article's
/// graph, when there is one. Types: an entity nothing typed (left "concept") takes the type whose
/// prototype names it resembles most, when clearly more than it resembles plain concepts. Resolution:
/// a new name merges into an entity the graph already holds when the two are plausibly one thing
/// (a spelling within two edits; the same name with a generic head, "transformer" and "transformer
/// model"; an acronym and a name with its initials) and the encoder finds them close; never across
/// different digits ("GPT-2", "GPT-3"), never between people, never between a person and anything else.
/// </summary>
public sealed class EncoderEntityRefiner(IEmbeddingGenerator<string, Embedding<float>> encoder, EncoderEntityRefiner.Thresholds? thresholds = null)
{
    /// <param name="TypeSimilarity">Least cosine between a name and a type's prototype centroid.</param>
    /// <param name="TypeMargin">How much closer to the type than to plain concepts.</param>
    /// <param name="SameEntity">Least cosine between two plausible variants for them to be one entity.</param>
    public sealed record Thresholds(double TypeSimilarity = 0.5, double TypeMargin = 0.1, double SameEntity = 0.8);

    private readonly Thresholds _limits = thresholds ?? new Thresholds();
    private Dictionary<string, float[]>? _prototypes;

    // Names that are not in the gold set: what each type looks like to the encoder.
    private static readonly Dictionary<string, string[]> PrototypeNames = new()
    {
        [EntityTypes.Metric] = ["accuracy", "mean squared error", "F1 score", "area under the curve", "perplexity", "mean average precision", "BLEU score", "R-squared"],
        [EntityTypes.Method] = ["gradient descent", "cross-validation", "k-means clustering", "bootstrapping", "principal component analysis", "dropout regularization", "beam search", "stochastic sampling"],
        [EntityTypes.Model] = ["BERT", "convolutional neural network", "random forest", "GPT-4", "long short-term memory network", "Llama 2", "autoencoder", "support vector machine"],
        [EntityTypes.Person] = ["Albert Einstein", "Marie Curie", "Geoffrey Hinton", "Alan Turing", "Ada Lovelace", "Yann LeCun"],
        [EntityTypes.Organization] = ["IBM", "Stanford University", "DeepMind", "Facebook", "the World Bank", "Anthropic"],
        [EntityTypes.Product] = ["TensorFlow", "Microsoft Excel", "Kubernetes", "PostgreSQL", "Visual Studio Code", "Tableau"],
        [EntityTypes.Dataset] = ["ImageNet", "CIFAR-10", "SQuAD", "the Titanic dataset", "Common Crawl", "the Iris dataset"],
        [EntityTypes.Concept] = ["probability", "overfitting", "vector space", "bias", "causality", "information", "complexity", "abstraction"],
    };

    private static readonly HashSet<string> GenericHeads = new(StringComparer.Ordinal)
    {
        "model", "network", "architecture", "algorithm", "method", "technique", "function", "metric", "score", "system", "mechanism",
    };

    public async Task<ArticleGraph> RefineAsync(ArticleGraph graph, IKnownEntities known, CancellationToken cancellationToken)
    {
        var renames = await ResolveAsync(graph, known, cancellationToken);
        var types = await TypeAsync(graph.Entities.Where(e => e.Type == EntityTypes.Concept && !renames.ContainsKey(e.Key)).ToList(), cancellationToken);
        if (renames.Count == 0 && types.Count == 0)
            return graph;
        string Key(string key) => renames.TryGetValue(key, out var target) ? target.Key : key;
        var entities = graph.Entities
            .Select(e => renames.TryGetValue(e.Key, out var target)
                ? new GraphEntity(target.Key, target.Name, target.Type, e.Aliases, Tentative: false)
                : types.TryGetValue(e.Key, out var type) ? e with { Type = type } : e)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Select(g => g.First() with { Aliases = g.SelectMany(e => e.Aliases).Distinct().ToList(), Tentative = g.All(e => e.Tentative) })
            .ToList();
        var relations = graph.Relations
            .Select(r => r with { SourceKey = Key(r.SourceKey), TargetKey = Key(r.TargetKey) })
            .Where(r => r.SourceKey != r.TargetKey)
            .GroupBy(r => (r.SourceKey, r.TargetKey, r.Type))
            .Select(g => new GraphRelation(g.Key.SourceKey, g.Key.TargetKey, g.Key.Type, g.SelectMany(r => r.Evidence).Distinct().ToList()))
            .ToList();
        return graph with { Entities = entities, Mentions = graph.Mentions.Select(m => m with { EntityKey = Key(m.EntityKey) }).ToList(), Relations = relations };
    }

    private async Task<Dictionary<string, KnownEntity>> ResolveAsync(ArticleGraph graph, IKnownEntities known, CancellationToken cancellationToken)
    {
        var pairs = new List<(GraphEntity Entity, KnownEntity Candidate)>();
        foreach (var entity in graph.Entities.Where(e => known.Find(e.Key) is null && e.Type != EntityTypes.Person))
        {
            var words = entity.Key.Split(' ');
            var initials = string.Concat(words.Select(w => w[0]));
            foreach (var candidate in known.Similar(words[^1], words.Length > 1 ? initials : entity.Key))
                if (candidate.Key != entity.Key && IsPlausibleVariant(entity.Key, candidate.Key) && candidate.Type != EntityTypes.Person)
                    pairs.Add((entity, candidate));
        }
        var renames = new Dictionary<string, KnownEntity>(StringComparer.Ordinal);
        if (pairs.Count == 0)
            return renames;
        var vectors = await EmbedAsync(pairs.SelectMany(p => new[] { p.Entity.Name, p.Candidate.Name }).Distinct().ToList(), cancellationToken);
        foreach (var (entity, candidate) in pairs.OrderByDescending(p => Cosine(vectors[p.Entity.Name], vectors[p.Candidate.Name])))
            if (!renames.ContainsKey(entity.Key) && Cosine(vectors[entity.Name], vectors[candidate.Name]) >= _limits.SameEntity)
                renames[entity.Key] = candidate;
        return renames;
    }

    /// <summary>Two keys that could name one thing: same digits, and a near spelling, a generic head more or less, or an acronym of the other.</summary>
    public static bool IsPlausibleVariant(string a, string b)
    {
        if (!new string(a.Where(char.IsDigit).ToArray()).Equals(new string(b.Where(char.IsDigit).ToArray()), StringComparison.Ordinal))
            return false;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (longer.StartsWith(shorter + " ", StringComparison.Ordinal) && GenericHeads.Contains(longer[(shorter.Length + 1)..]))
            return true;
        var words = longer.Split(' ');
        if (words.Length >= 2 && !shorter.Contains(' ') && string.Concat(words.Select(w => w[0])) == shorter)
            return true;
        return shorter.Length >= 6 && Retrieve.EditDistance.Bounded(a, b, 2) <= 2;
    }

    private async Task<Dictionary<string, string>> TypeAsync(List<GraphEntity> untyped, CancellationToken cancellationToken)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        if (untyped.Count == 0)
            return types;
        var prototypes = _prototypes ??= await PrototypesAsync(cancellationToken);
        var vectors = await EmbedAsync(untyped.Select(e => e.Name).Distinct().ToList(), cancellationToken);
        foreach (var entity in untyped)
        {
            var v = vectors[entity.Name];
            var scores = prototypes.ToDictionary(p => p.Key, p => Cosine(v, p.Value));
            var best = scores.Where(s => s.Key != EntityTypes.Concept).MaxBy(s => s.Value);
            if (best.Value >= _limits.TypeSimilarity && best.Value - scores[EntityTypes.Concept] >= _limits.TypeMargin)
                types[entity.Key] = best.Key;
        }
        return types;
    }

    private async Task<Dictionary<string, float[]>> PrototypesAsync(CancellationToken cancellationToken)
    {
        var vectors = await EmbedAsync(PrototypeNames.Values.SelectMany(n => n).ToList(), cancellationToken);
        return PrototypeNames.ToDictionary(p => p.Key, p =>
        {
            var centroid = new float[vectors[p.Value[0]].Length];
            foreach (var name in p.Value)
                TensorPrimitives.Add(centroid, vectors[name], centroid);
            return centroid;
        });
    }

    private async Task<Dictionary<string, float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var embeddings = await encoder.GenerateAsync(texts, cancellationToken: cancellationToken);
        return texts.Zip(embeddings).ToDictionary(p => p.First, p => p.Second.Vector.ToArray(), StringComparer.Ordinal);
    }

    private static double Cosine(float[] a, float[] b) => TensorPrimitives.CosineSimilarity(a, b);
}
