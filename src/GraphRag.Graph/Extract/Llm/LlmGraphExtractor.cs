using System.Text.Json;
using System.Text.RegularExpressions;
using GraphRag.Graph.Model;
using GraphRag.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace GraphRag.Graph.Extract.Llm;

/// <summary>
/// Optional extraction by a language model (GraphRag:Graph:Llm:Enabled, with a generator model or
/// endpoint configured), as GraphRAG-style systems build graphs: each chunk is sent once with a
/// fixed prompt asking for entities and stated relations as JSON, the answer is cached per chunk
/// text and model (<see cref="LlmExtractionCache"/>), and merged into the offline extraction: an
/// entity counts only where its name occurs in the chunk, a relation only between two such entities
/// named in one sentence, which becomes its evidence. What the offline extractor found stays as it
/// was; what only the model found is marked with the model's name (provenance "llm:MODEL"). A model
/// that fails or answers nonsense leaves the offline graph untouched.
/// </summary>
public sealed partial class LlmGraphExtractor(IChatClient chat, LlmExtractionCache cache, string model, ILogger<LlmGraphExtractor>? logger = null)
{
    public const string Prompt = """
        Extract the knowledge graph of the passage below. Reply with one JSON object and nothing else:
        {"entities":[{"name":"...","type":"..."}],"relations":[{"source":"...","type":"...","target":"..."}]}
        - entities: named things and technical terms, each name exactly as written in the passage; type one of
          person, organization, product, model, method, metric, dataset, work, concept.
        - relations: only what a sentence of the passage states, with source and target among the entities;
          type one of is_a, part_of, uses, introduced, outperforms, measures, based_on. Nothing negated or hedged.
        Passage:
        """;

    private static readonly HashSet<string> Types =
    [
        EntityTypes.Person, EntityTypes.Organization, EntityTypes.Product, EntityTypes.Model, EntityTypes.Method,
        EntityTypes.Metric, EntityTypes.Dataset, EntityTypes.Work, EntityTypes.Concept,
    ];

    private static readonly HashSet<string> RelationKinds =
    [
        RelationTypes.IsA, RelationTypes.PartOf, RelationTypes.Uses, RelationTypes.Introduced, RelationTypes.Outperforms,
        RelationTypes.Measures, RelationTypes.BasedOn,
    ];

    public string Model => model;

    public string Source => ExtractionSources.Llm(model);

    /// <summary>The offline graph with what the model adds, chunk by chunk.</summary>
    public async Task<ArticleGraph> ExtendAsync(ArticleInput article, ArticleGraph offline, CancellationToken cancellationToken)
    {
        var entities = offline.Entities.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var mentions = offline.Mentions.ToList();
        var relations = offline.Relations.ToDictionary(r => (r.SourceKey, r.TargetKey, r.Type), r => r.Evidence.ToList());
        var aliasToKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in offline.Entities)
            foreach (var alias in e.Aliases.Append(e.Name).Append(e.Key))
                aliasToKey.TryAdd(EntityKeys.Normalize(alias), e.Key);

        foreach (var chunk in article.Chunks)
        {
            var chunkText = article.Text[chunk.Start..chunk.End];
            var extraction = await ExtractAsync(chunkText, cancellationToken);
            if (extraction is null)
                continue;
            var taken = mentions.Where(m => m.ChunkId == chunk.Id).Select(m => (m.StartOffset, m.EndOffset)).ToList();
            foreach (var found in extraction.Entities.Where(e => !string.IsNullOrWhiteSpace(e.Name) && e.Name.Length <= 80))
            {
                var key = aliasToKey.GetValueOrDefault(EntityKeys.Normalize(found.Name)) ?? EntityKeys.Normalize(found.Name);
                if (key.Length < 2)
                    continue;
                var occurrences = Occurrences(article.Text, chunk, found.Name)
                    .Where(o => !taken.Any(t => t.StartOffset < o.End && o.Start < t.EndOffset)).ToList();
                if (occurrences.Count == 0)
                    continue;
                if (!entities.ContainsKey(key))
                {
                    var type = found.Type is { } t && Types.Contains(t.ToLowerInvariant()) ? t.ToLowerInvariant() : EntityTypes.Concept;
                    entities[key] = new GraphEntity(key, found.Name, type, [found.Name]);
                    aliasToKey.TryAdd(EntityKeys.Normalize(found.Name), key);
                }
                foreach (var o in occurrences)
                {
                    var sentence = Sentences.Around(article.Text, o.Start);
                    mentions.Add(new EntityMention(key, chunk.Id, o.Start, o.End, sentence.Start, sentence.End, Source));
                    taken.Add((o.Start, o.End));
                }
            }
            foreach (var r in extraction.Relations)
            {
                var type = r.Type?.ToLowerInvariant() ?? "";
                if (!RelationKinds.Contains(type)
                    || aliasToKey.GetValueOrDefault(EntityKeys.Normalize(r.Source ?? "")) is not { } source
                    || aliasToKey.GetValueOrDefault(EntityKeys.Normalize(r.Target ?? "")) is not { } target
                    || source == target
                    || SentenceNaming(article.Text, chunk, r.Source!, r.Target!) is not { } sentence)
                    continue;
                if (!relations.TryGetValue((source, target, type), out var evidence))
                    relations[(source, target, type)] = evidence = [];
                if (!evidence.Any(e => e.ChunkId == chunk.Id && e.StartOffset == sentence.Start))
                    evidence.Add(new EvidenceSentence(chunk.Id, sentence.Start, sentence.End, article.Text[sentence.Start..sentence.End], Source));
            }
        }
        var mentioned = mentions.Select(m => m.EntityKey).ToHashSet(StringComparer.Ordinal);
        return offline with
        {
            Entities = entities.Values.Where(e => mentioned.Contains(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList(),
            Mentions = mentions,
            Relations = relations.Where(r => mentioned.Contains(r.Key.SourceKey) && mentioned.Contains(r.Key.TargetKey))
                .Select(r => new GraphRelation(r.Key.SourceKey, r.Key.TargetKey, r.Key.Type, r.Value)).ToList(),
        };
    }

    /// <summary>The cached answer for the chunk, or the model's (then cached); null when the model fails or does not answer JSON.</summary>
    private async Task<LlmExtraction?> ExtractAsync(string chunkText, CancellationToken cancellationToken)
    {
        var hash = LlmExtractionCache.HashOf(chunkText);
        if (cache.Find(hash, model) is { } cached)
            return cached;
        string answer;
        try
        {
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, Prompt + "\n" + chunkText)],
                new ChatOptions { Temperature = 0, MaxOutputTokens = 1024 }, cancellationToken);
            answer = response.Text;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the server or model did wrong, the offline graph is complete without it.
            logger?.LogWarning("LLM extraction skipped a chunk: the model failed ({Message}); the offline graph stands.", ex.Message);
            return null;
        }
        var parsed = Parse(answer);
        if (parsed is null)
        {
            logger?.LogWarning("LLM extraction skipped a chunk: the answer was not the JSON asked for.");
            return null;
        }
        cache.Store(hash, model, parsed);
        return parsed;
    }

    /// <summary>The first JSON object in the answer (models wrap it in prose or code fences), or null.</summary>
    public static LlmExtraction? Parse(string answer)
    {
        var start = answer.IndexOf('{');
        var end = answer.LastIndexOf('}');
        if (start < 0 || end <= start)
            return null;
        try
        {
            var parsed = JsonSerializer.Deserialize<LlmExtraction>(answer[start..(end + 1)]);
            return parsed is null ? null : new LlmExtraction(parsed.Entities ?? [], parsed.Relations ?? []);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<TextSpan> Occurrences(string text, ChunkSpan chunk, string name)
    {
        foreach (Match m in Regex.Matches(text[chunk.Start..chunk.End], @"(?<![\p{L}\p{N}])" + Regex.Escape(name) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase))
            yield return new TextSpan(chunk.Start + m.Index, chunk.Start + m.Index + m.Length);
    }

    private static TextSpan? SentenceNaming(string text, ChunkSpan chunk, string source, string target)
    {
        foreach (var sentence in Sentences.Split(text, chunk.Start, chunk.End))
        {
            var body = text[sentence.Start..sentence.End];
            if (body.Contains(source, StringComparison.OrdinalIgnoreCase) && body.Contains(target, StringComparison.OrdinalIgnoreCase))
                return sentence;
        }
        return null;
    }
}
