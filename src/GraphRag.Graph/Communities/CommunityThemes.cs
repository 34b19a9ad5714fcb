using GraphRag.Answer;

namespace GraphRag.Graph.Communities;

/// <summary>The graph's communities as the themes broad questions are answered with.</summary>
public sealed class CommunityThemes(CommunityFinder finder) : IThemeSource
{
    /// <summary>Smaller groups are incidental co-occurrences, not themes.</summary>
    private const int MinimumMembers = 3;

    public async Task<IReadOnlyList<Theme>> ThemesAsync(int maximum, CancellationToken cancellationToken = default) =>
        (await finder.FindAsync(MinimumMembers, maximum, cancellationToken))
            .Select(c => new Theme(c.Title, c.Summary, c.ChunkIds))
            .ToList();
}
