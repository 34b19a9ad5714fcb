namespace GraphRag.Graph.Model;

/// <summary>
/// Everything the graph knows from one article: the unit that stores replace, remove and sync.
/// Entities are shared across articles (by <see cref="GraphEntity.Key"/>); mentions and relation
/// evidence belong to this article's chunks.
/// </summary>
/// <param name="ChunkIds">The article's chunks, in order; an empty graph with no chunks removes the article.</param>
public sealed record ArticleGraph(
    long ArticleId,
    IReadOnlyList<long> ChunkIds,
    IReadOnlyList<GraphEntity> Entities,
    IReadOnlyList<EntityMention> Mentions,
    IReadOnlyList<GraphRelation> Relations)
{
    /// <summary>What an article that no longer exists contributes: nothing.</summary>
    public static ArticleGraph Removed(long articleId) => new(articleId, [], [], [], []);

    /// <summary>
    /// The same graph for the stored article: extracted before the write, it names chunks by their
    /// ordinal; once written, chunk <c>i</c> has the id <paramref name="chunkIds"/>[i].
    /// </summary>
    public ArticleGraph Stored(long articleId, IReadOnlyList<long> chunkIds) => new(
        articleId,
        chunkIds,
        Entities,
        Mentions.Select(m => m with { ChunkId = chunkIds[(int)m.ChunkId] }).ToList(),
        Relations.Select(r => r with { Evidence = r.Evidence.Select(e => e with { ChunkId = chunkIds[(int)e.ChunkId] }).ToList() }).ToList());
}

/// <param name="Key">The canonical, normalised name that identifies the entity across articles and stores.</param>
/// <param name="Name">How it is displayed (the most informative surface form, e.g. the expansion of an acronym).</param>
/// <param name="Aliases">Surface forms as written (including <paramref name="Name"/>).</param>
/// <param name="Tentative">
/// The article alone does not make it an entity (one weak mention): it becomes one when another
/// article names it too (<see cref="Extract.EntitySalience"/>).
/// </param>
/// <param name="Everyday">
/// An everyday English noun ("attention", "loss"): an entity only when it heads several entities of
/// the notes ("self-attention", "multi-head attention", "attention weights").
/// </param>
public sealed record GraphEntity(string Key, string Name, string Type, IReadOnlyList<string> Aliases, bool Tentative = false, bool Everyday = false);

/// <summary>One occurrence of an entity. Offsets index into the article's text.</summary>
/// <param name="Source">Which extractor found it: <see cref="ExtractionSources.Rules"/> or "llm:MODEL".</param>
public sealed record EntityMention(string EntityKey, long ChunkId, int StartOffset, int EndOffset, int SentenceStart, int SentenceEnd, string Source = ExtractionSources.Rules);

/// <summary>A sentence that supports a relation. Offsets index into the article's text.</summary>
/// <param name="Source">Which extractor read the relation in it: <see cref="ExtractionSources.Rules"/> or "llm:MODEL".</param>
public sealed record EvidenceSentence(long ChunkId, int StartOffset, int EndOffset, string Text, string Source = ExtractionSources.Rules);

/// <summary>Provenance of mentions and evidence.</summary>
public static class ExtractionSources
{
    /// <summary>The offline extractor (patterns, lexicons, statistics).</summary>
    public const string Rules = "rules";

    /// <summary>A language model through IChatClient, named by its model id.</summary>
    public static string Llm(string model) => "llm:" + model;
}

/// <summary>A typed, directed relation (co-occurrence is stored with the smaller key as source).</summary>
public sealed record GraphRelation(string SourceKey, string TargetKey, string Type, IReadOnlyList<EvidenceSentence> Evidence);
