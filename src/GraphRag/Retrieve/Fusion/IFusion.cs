namespace GraphRag.Retrieve.Fusion;

/// <summary>How several rankings of the same query become one score per chunk.</summary>
public interface IFusion
{
    /// <param name="rankings">Each component's ranking, best first.</param>
    Dictionary<long, double> Fuse(IReadOnlyList<IReadOnlyList<RankedChunk>> rankings);
}
