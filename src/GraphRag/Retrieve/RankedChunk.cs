namespace GraphRag.Retrieve;

/// <summary>
/// Why a chunk was found, put into words once its passage is loaded (a lexical match names the
/// query terms the passage contains), so rankers never read passage text themselves.
/// </summary>
public delegate string Explanation(Passage passage);

/// <summary>A ranker's verdict on one chunk: its score (comparable within one ranking only) and why.</summary>
public readonly record struct RankedChunk(long ChunkId, double Score, Explanation Why);
