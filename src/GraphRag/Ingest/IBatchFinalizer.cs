namespace GraphRag.Ingest;

/// <summary>
/// Work that needs the whole corpus (corpus-wide term statistics, communities, syncing an external
/// graph store), run once after a batch of files has been ingested or pruned.
/// </summary>
public interface IBatchFinalizer
{
    string Name { get; }

    Task FinalizeAsync(IngestionSummary summary, IProgress<string>? progress, CancellationToken cancellationToken);
}
