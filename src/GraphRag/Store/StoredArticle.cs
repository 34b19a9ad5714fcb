namespace GraphRag.Store;

/// <summary>An article row as stored.</summary>
public sealed record StoredArticle(
    long Id,
    string SourcePath,
    string ArticleKey,
    string Title,
    string? Source,
    string? Author,
    string? Published,
    string Text,
    string ContentHash);
