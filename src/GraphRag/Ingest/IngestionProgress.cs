namespace GraphRag.Ingest;

/// <summary>Reported after each file: how far the batch has come.</summary>
public readonly record struct IngestionProgress(int FilesDone, int FilesTotal, FileOutcome Last);
