namespace GraphRag.Ingest;

/// <summary>
/// Work that needs the whole corpus (corpus-wide term statistics, communities, syncing an external
/// graph store), run once after a batch of files has been ingested or pruned.
/// </summary>
public interface IBatchFinalizer
{
    string Name { get; }

    /// <returns>Warnings for the user: work the batch had to leave undone (a graph mirror that was down, say) and how to finish it.</returns>
    Task<IReadOnlyList<string>> FinalizeAsync(IngestionSummary summary, CancellationToken cancellationToken);
}
