using GraphRag.Claims;
using GraphRag.Graph.Store;
using GraphRag.Store;

namespace GraphRag.Agents;

/// <summary>An article, or the part of its text a reader asked for.</summary>
/// <param name="Length">The whole text's length, in UTF-16 code units (the unit of every offset).</param>
/// <param name="Start">Where <see cref="Text"/> starts in the article's text.</param>
public sealed record ArticleText(
    long Id,
    string Title,
    string? Source,
    string? Author,
    string? Published,
    string File,
    int Length,
    int Start,
    int End,
    string Text)
{
    /// <exception cref="ArgumentException">The range is not inside the text.</exception>
    public static ArticleText Slice(StoredArticle article, int start, int end)
    {
        var length = article.Text.Length;
        if (start < 0 || start > end || end > length)
            throw new ArgumentException($"start and end must satisfy 0 ≤ start ≤ end ≤ {length}, the length of article {article.Id} (got {start} and {end}).");
        return new ArticleText(article.Id, article.Title, article.Source, article.Author, article.Published,
            Path.GetFileName(article.SourcePath), length, start, end, article.Text[start..end]);
    }
}

/// <summary>An entity, its direct relations with their evidence, and the entities within <see cref="Hops"/> relations.</summary>
public sealed record EntityNeighbourhood(EntityDetail Entity, int Hops, IReadOnlyList<NeighbourhoodEntry> Within);

/// <summary>The claims checked in some articles.</summary>
/// <param name="FlaggedOnly">True when claims without a flag were left out.</param>
public sealed record ClaimsCheck(int Articles, bool FlaggedOnly, IReadOnlyList<CheckedClaim> Claims);

/// <summary>One claim, where it is (offsets into its article's text) and what its numbers allow.</summary>
public sealed record CheckedClaim(
    long ArticleId,
    string Title,
    ClaimKind Kind,
    string Text,
    int StartOffset,
    int EndOffset,
    string Sentence,
    string Finding,
    IReadOnlyList<ClaimFlag> Flags,
    IReadOnlyList<string> Questions)
{
    public static CheckedClaim Of(StoredArticle article, ClaimCheck check) =>
        new(article.Id, article.Title, check.Claim.Kind, check.Claim.Text, check.Claim.Start, check.Claim.End, check.Claim.Sentence,
            check.Finding, check.Flags, check.Questions);
}
