using GraphRag.Text;

namespace GraphRag.Graph.Extract;

public enum CandidateKind { Acronym, Expansion, CodeLike, ProperName, Term, Category }

/// <summary>A span that may name an entity, with how it was found.</summary>
public sealed record Candidate(TextSpan Span, string Surface, CandidateKind Kind)
{
    public string Key { get; } = EntityKeys.Normalize(Surface);
}
