namespace GraphRag.Ingest;

/// <summary>What reading one file produced: its articles and what cleaning removed.</summary>
/// <param name="Format">The reader that recognised the file (e.g. "bundle", "markdown", "html").</param>
/// <param name="CharactersKept">Characters of cleaned article text.</param>
/// <param name="CharactersRemoved">Characters of the decoded file that did not make it into any article.</param>
public sealed record ReadReport(
    string Path,
    string Format,
    IReadOnlyList<Article> Articles,
    int DuplicatesDropped,
    long CharactersKept,
    long CharactersRemoved);
