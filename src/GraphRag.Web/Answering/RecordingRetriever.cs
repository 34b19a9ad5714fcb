using GraphRag.Retrieve;

namespace GraphRag.Web.Answering;

/// <summary>
/// Passes searches through and keeps the last result, so the page can show the passages an answer
/// was drawn from, and why each was found, without searching twice.
/// </summary>
public sealed class RecordingRetriever(IRetriever inner) : IRetriever
{
    public string Mode => inner.Mode;

    public IReadOnlyList<SearchHit> LastHits { get; private set; } = [];

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int top, CancellationToken cancellationToken = default)
    {
        LastHits = await inner.SearchAsync(query, top, cancellationToken);
        return LastHits;
    }
}
