using System.ComponentModel;
using GraphRag.Answer;
using GraphRag.Claims;
using GraphRag.Graph.Extract;
using GraphRag.Graph.Retrieve;
using GraphRag.Graph.Store;
using GraphRag.Retrieve;
using GraphRag.Store;
using Microsoft.SemanticKernel;
using ModelContextProtocol.Server;

namespace GraphRag.Agents;

/// <summary>
/// What an AI agent can do with the notes: search them, ask a question and get an answer quoting them
/// exactly, read an article, walk an entity's neighbourhood in the knowledge graph, and check the
/// statistical claims. Each method is both a Semantic Kernel function and an MCP tool, so the plugin and
/// the MCP server offer the same tools under the same names and descriptions. Bad input throws an
/// <see cref="ArgumentException"/> whose message tells the model what to change.
/// </summary>
[McpServerToolType]
public sealed class NotesTools(PassageSearch search, IAnswerer answerer, ArticleStore articles, IGraphStore graph, GraphSnapshotCache linking)
{
    public const string Search = "search";
    public const string Ask = "ask";
    public const string ReadArticle = "read_article";
    public const string EntityNeighbourhood = "entity_neighbourhood";
    public const string CheckClaims = "check_claims";

    /// <summary>Passages one search may return: enough to compare, few enough for a model's context.</summary>
    public const int MaxPassages = 50;
    public const int MaxHops = 3;
    public const int MaxEntities = 200;

    [KernelFunction(Search)]
    [McpServerTool(Name = Search, Title = "Search the notes", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Finds the passages of the user's notes that best match a query, best first. Each hit has its article id and title, " +
        "heading, exact text, its [startOffset, endOffset) in the article's text, and why it was found.")]
    public Task<SearchResult> SearchAsync(
        [Description("What to look for: keywords or a question.")] string query,
        [Description("How many passages, 1 to 50.")] int top = 5,
        [Description("Retrieval mode: lexical, dense, graph or hybrid. Omit for the server's default.")] string? mode = null,
        CancellationToken cancellationToken = default)
    {
        if (top is < 1 or > MaxPassages)
            throw new QueryException($"top must be between 1 and {MaxPassages} (got {top}).");
        return search.SearchAsync(query, top, mode, cancellationToken);
    }

    [KernelFunction(Ask)]
    [McpServerTool(Name = Ask, Title = "Ask the notes", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Answers a question from the user's notes, citing them. Returns the answer text, found (false when the notes do not " +
        "answer it; the text then says so), method (extractive, generator or themes) and numbered citations: the answer's [n] markers " +
        "point to them, and each holds the exact quote from an article with its id, title, heading and [startOffset, endOffset) in the article's text; " +
        "checks says what the notes' statistics check makes of cited sentences (figures worked out from their numbers, statements it disputes).")]
    public async Task<GroundedAnswer> AskAsync(
        [Description("The question, in plain words.")] string question,
        [Description("Retrieval mode for the passages: lexical, dense, graph or hybrid. Omit for the server's default.")] string? mode = null,
        CancellationToken cancellationToken = default) =>
        (await answerer.AnswerToEndAsync(new Question(question, mode), cancellationToken)).Answer;

    [KernelFunction(ReadArticle)]
    [McpServerTool(Name = ReadArticle, Title = "Read an article", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Reads one article of the notes by its id (search hits and citations carry it): title, source, author, file and text, " +
        "or only the characters [start, end) of its text, e.g. the paragraph around a citation's offsets.")]
    public ArticleText ReadArticleText(
        [Description("The article's id.")] long id,
        [Description("First character to return (default 0).")] int? start = null,
        [Description("Character after the last one to return (default: the end of the text).")] int? end = null)
    {
        var article = articles.GetArticle(id) ?? throw new ArgumentException($"No article has id {id}.");
        return ArticleText.Slice(article, start ?? 0, end ?? article.Text.Length);
    }

    [KernelFunction(EntityNeighbourhood)]
    [McpServerTool(Name = EntityNeighbourhood, Title = "An entity's neighbourhood", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("Looks up an entity of the knowledge graph built from the notes (a term, method, metric, model, person…) by its name, " +
        "acronym or alias, and returns its type, aliases and direct relations with the sentences that support them, and the entities " +
        "within the given number of hops, nearest first.")]
    public async Task<EntityNeighbourhood> EntityNeighbourhoodAsync(
        [Description("The entity's name, acronym, alias or key, e.g. \"NDCG\".")] string entity,
        [Description("How many relations away to look, 1 to 3.")] int hops = 1,
        [Description("At most this many relations and this many neighbouring entities, 1 to 200.")] int limit = 20,
        CancellationToken cancellationToken = default)
    {
        if (hops is < 1 or > MaxHops)
            throw new ArgumentException($"hops must be between 1 and {MaxHops} (got {hops}).");
        if (limit is < 1 or > MaxEntities)
            throw new ArgumentException($"limit must be between 1 and {MaxEntities} (got {limit}).");
        var detail = await FindEntityAsync(entity, limit, cancellationToken);
        var within = await graph.GetNeighbourhoodAsync(detail.Key, hops, limit, cancellationToken);
        return new EntityNeighbourhood(detail, hops, within);
    }

    [KernelFunction(CheckClaims)]
    [McpServerTool(Name = CheckClaims, Title = "Check the notes' claims", ReadOnly = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true)]
    [Description("Finds the quantitative claims in the notes (relative risks, \"x times more\", rates per population, p-values, " +
        "\"statistically significant\"…) and says what each claim's numbers allow, with flags for claims that state only a relative " +
        "effect (RelativeOnly) or only significance (SignificanceOnly) and the questions to ask of them. One article, or all of them.")]
    public ClaimsCheck CheckClaimsIn(
        [Description("The article's id; omit to check every article.")] long? articleId = null,
        [Description("Only the flagged claims (default true); false lists every claim found.")] bool flaggedOnly = true,
        CancellationToken cancellationToken = default)
    {
        IReadOnlyList<StoredArticle> checkedArticles = articleId is { } id
            ? [articles.GetArticle(id) ?? throw new ArgumentException($"No article has id {id}.")]
            : articles.ListArticles();
        var claims = new List<CheckedClaim>();
        foreach (var article in checkedArticles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            claims.AddRange(ClaimChecker.CheckAll(article.Text)
                .Where(check => !flaggedOnly || check.Flags.Count > 0)
                .Select(check => CheckedClaim.Of(article, check)));
        }
        return new ClaimsCheck(checkedArticles.Count, flaggedOnly, claims);
    }

    /// <summary>The entity a name means: its canonical key first, then the aliases, acronyms and near-spellings the graph knows.</summary>
    private async Task<EntityDetail> FindEntityAsync(string name, int limit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("The entity name is empty.");
        if (await graph.GetEntityAsync(EntityKeys.Normalize(name), limit, cancellationToken) is { } exact)
            return exact;
        var (_, linker) = await linking.GetAsync(cancellationToken);
        var linked = linker.Link(name).FirstOrDefault();
        return (linked is null ? null : await graph.GetEntityAsync(linked.Key, limit, cancellationToken))
            ?? throw new ArgumentException($"No entity named \"{name}\" in the knowledge graph of the notes; try the search tool with the term instead.");
    }
}
