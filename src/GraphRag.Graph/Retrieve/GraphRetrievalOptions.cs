namespace GraphRag.Graph.Retrieve;

/// <summary>GraphRag:Graph:Retrieval: how the graph ranker walks from a question.</summary>
public sealed class GraphRetrievalOptions
{
    /// <summary>
    /// Probability that the walk follows an edge rather than restarting at the question's entities
    /// and passages. 0.3 (HippoRAG uses 0.5): chosen on the odd-numbered notes questions (issue 15,
    /// bench/RESULTS.md "graph"), where walking further drifted from the passages that match.
    /// </summary>
    public double Damping { get; set; } = 0.3;

    /// <summary>
    /// A mode whose top passages also seed the walk (HippoRAG 2), so the graph spreads from what
    /// matches the question to what is connected to it; empty: entities only. Dense seeds (BM25's
    /// where the notes hold no vectors) measured better than BM25 seeds on the dev halves and on the
    /// held-apart halves (HotpotQA100 test nDCG@10 0.764 → 0.818, notes test 0.711 → 0.713).
    /// </summary>
    public string PassageSeeds { get; set; } = "dense";

    /// <summary>How many of that mode's passages seed the walk.</summary>
    public int PassageSeedCount { get; set; } = 20;

    /// <summary>Share of the restart mass on passages when the question also links entities (0.85, chosen with <see cref="Damping"/>).</summary>
    public double PassageSeedWeight { get; set; } = 0.85;

    /// <summary>
    /// How many of the hybrid ranking's best passages the graph follows to the articles about the
    /// entities they name. 5, with the graph's hybrid weight 0.5: the best of 1/3/5/10 × 0.1–1 on the
    /// HotpotQA100 dev half (bench/RESULTS.md "graph expansion"); 3 to 10 all gain.
    /// </summary>
    public int ExpansionSeeds { get; set; } = 5;
}
