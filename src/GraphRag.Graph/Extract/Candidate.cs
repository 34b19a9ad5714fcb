using GraphRag.Text;

namespace GraphRag.Graph.Extract;

/// <summary>How a candidate was found, most specific first: at equal spans the earlier kind wins.</summary>
public enum CandidateKind { Acronym, Expansion, Title, CodeLike, ProperName, Term, EverydayWord, Category }

/// <summary>A span that may name an entity, with how it was found.</summary>
/// <param name="Key">The normalised name; by default the surface normalised with its last word made singular.</param>
public sealed record Candidate(TextSpan Span, string Surface, CandidateKind Kind, string? Key = null)
{
    public string Key { get; } = Key ?? EntityKeys.Normalize(Surface);
}
