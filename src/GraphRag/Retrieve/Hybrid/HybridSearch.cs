using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphRag.Retrieve.Hybrid;

/// <summary>
/// Runs the lexical, dense and graph retrievers and fuses their rankings. Each finds what the
/// others miss: exact terms and names (lexical), paraphrases (dense), facts linked across
/// articles (graph).
/// </summary>
public sealed class HybridSearch(IServiceProvider services, GraphRagDatabase database, IOptions<HybridOptions> options) : IRetriever
{
    private readonly HybridOptions _options = options.Value;
    private IReadOnlyList<IRetriever>? _components;

    public string Mode => "hybrid";

    // Resolved on first use: the components are registered as IRetriever too, beside this one.
    private IReadOnlyList<IRetriever> Components => _components ??= services.GetServices<IRetriever>()
        .Where(r => r.Mode != Mode && _options.ComponentModes.Contains(r.Mode, StringComparer.OrdinalIgnoreCase))
        .ToList();

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int top, CancellationToken cancellationToken = default)
    {
        Bm25Search.Validate(query, top);
        var depth = Math.Max(top, _options.Candidates);
        var lists = await Task.WhenAll(Components.Select(async c => (c.Mode, Hits: await c.SearchAsync(query, depth, cancellationToken))));
        var fused = _options.Fusion.Equals("mix", StringComparison.OrdinalIgnoreCase)
            ? RankFusion.Normalized(lists.Select(l => (l.Hits, 1.0)))
            : RankFusion.Reciprocal(lists.Select(l => l.Hits));
        var ranked = fused
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key)
            .Take(top)
            .Select(p => (p.Key, p.Value))
            .ToList();
        return ChunkHits.Load(database, ranked, chunkId => Explain(chunkId, lists));
    }

    private static string Explain(long chunkId, IEnumerable<(string Mode, IReadOnlyList<SearchHit> Hits)> lists) =>
        string.Join("; ", lists.SelectMany(l => l.Hits.Where(h => h.ChunkId == chunkId)
            .Select(h => $"{l.Mode} #{h.Rank}" + (h.Explanation is null ? "" : $" ({h.Explanation})"))));
}
