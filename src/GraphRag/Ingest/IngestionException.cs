namespace GraphRag.Ingest;

/// <summary>A file that cannot be ingested; the message names the file and the problem.</summary>
public sealed class IngestionException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string FilePath { get; } = path;
    public string Problem { get; } = problem;
}
