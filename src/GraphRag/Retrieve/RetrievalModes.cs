namespace GraphRag.Retrieve;

/// <summary>The retrieval modes this process offers, by the name users type, and why others are off.</summary>
public sealed class RetrievalModes(
    IReadOnlyDictionary<string, IRanker> rankers,
    IReadOnlyList<UnavailableMode> unavailable,
    string defaultMode)
{
    public IReadOnlyCollection<string> Available => rankers.Keys.ToList();

    public string DefaultMode => defaultMode;

    /// <summary>The mode's canonical name and ranker.</summary>
    /// <exception cref="UnavailableModeException">No such mode, or it is off here; the message says why and lists the modes there are.</exception>
    public (string Mode, IRanker Ranker) Get(string? mode = null)
    {
        mode = string.IsNullOrWhiteSpace(mode) ? defaultMode : mode.Trim();
        var found = rankers.Keys.FirstOrDefault(m => m.Equals(mode, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
            return (found, rankers[found]);
        var off = unavailable.FirstOrDefault(u => u.Mode.Equals(mode, StringComparison.OrdinalIgnoreCase));
        throw off is not null
            ? UnavailableModeException.Off(mode, off.Reason)
            : new UnavailableModeException(mode, $"Unknown search mode '{mode}'. Available: {string.Join(", ", rankers.Keys.Order())}.");
    }
}
