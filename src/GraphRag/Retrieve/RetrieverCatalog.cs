using Microsoft.Extensions.Options;

namespace GraphRag.Retrieve;

/// <summary>The retrieval modes registered in this process, by the name users type.</summary>
public sealed class RetrieverCatalog(
    IEnumerable<IRetriever> retrievers,
    IEnumerable<UnavailableMode> unavailable,
    IOptions<RetrievalOptions> options)
{
    private readonly Dictionary<string, IRetriever> _byMode =
        retrievers.ToDictionary(r => r.Mode, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Modes => _byMode.Keys;

    public string DefaultMode => options.Value.Mode;

    /// <exception cref="ArgumentException">No retriever has that mode; the message lists the modes there are.</exception>
    public IRetriever Get(string? mode = null)
    {
        mode ??= DefaultMode;
        if (_byMode.TryGetValue(mode, out var retriever))
            return retriever;
        var why = unavailable.FirstOrDefault(u => u.Mode.Equals(mode, StringComparison.OrdinalIgnoreCase));
        throw new ArgumentException(why is not null
            ? $"Search mode '{mode}' is unavailable: {why.Reason}"
            : $"Unknown search mode '{mode}'. Available: {string.Join(", ", _byMode.Keys.Order())}.");
    }
}
