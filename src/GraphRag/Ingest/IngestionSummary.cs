namespace GraphRag.Ingest;

/// <summary>What happened to one file in an ingestion run.</summary>
public enum FileStatus { Ingested, Unchanged, Failed, Pruned }

/// <param name="Report">The reader's report; null when the file failed before it could be read or was pruned.</param>
/// <param name="Error">Why the file failed, naming the problem; null otherwise.</param>
public sealed record FileOutcome(
    string Path,
    FileStatus Status,
    ReadReport? Report,
    int ArticlesAdded,
    int ArticlesUpdated,
    int ArticlesUnchanged,
    int ArticlesRemoved,
    int ChunksWritten,
    string? Error = null);

/// <summary>The outcome of one ingestion batch, file by file.</summary>
public sealed record IngestionSummary(IReadOnlyList<FileOutcome> Files, TimeSpan Elapsed)
{
    /// <summary>What the batch had to leave undone and how to finish it (from the batch finalizers); shown even when every file went in.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public int Failed => Files.Count(f => f.Status == FileStatus.Failed);
    public int ArticlesAdded => Files.Sum(f => f.ArticlesAdded);
    public int ArticlesUpdated => Files.Sum(f => f.ArticlesUpdated);
    public int ArticlesRemoved => Files.Sum(f => f.ArticlesRemoved);
    public int ChunksWritten => Files.Sum(f => f.ChunksWritten);

    /// <summary>True when the batch wrote nothing: every file unchanged.</summary>
    public bool ChangedNothing => Files.All(f => f.Status == FileStatus.Unchanged);
}
