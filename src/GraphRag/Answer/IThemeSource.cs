namespace GraphRag.Answer;

/// <summary>A theme of the notes: a title, a few sentences that summarise it, and the chunks they come from.</summary>
public sealed record Theme(string Title, IReadOnlyList<string> Summary, IReadOnlyList<long> ChunkIds);

/// <summary>Where broad questions ("what are my notes about?") get their answer: the graph's communities.</summary>
public interface IThemeSource
{
    Task<IReadOnlyList<Theme>> ThemesAsync(int maximum, CancellationToken cancellationToken = default);
}
