namespace GraphRag.Retrieve.Fusion;

/// <summary>GraphRag:Retrieval:Hybrid: what the hybrid mode fuses, and how.</summary>
public sealed class HybridOptions
{
    public const string ScoreMixing = "mix";
    public const string ReciprocalRank = "rrf";

    /// <summary>
    /// The modes fused, comma-separated, among those available (a missing one is skipped); the graph,
    /// beside others, expands their fusion instead of ranking on its own. A string, not a list:
    /// configuration binding appends to a list's defaults instead of replacing them.
    /// </summary>
    public string Components { get; set; } = "lexical,dense,graph";

    public IReadOnlyList<string> ComponentModes =>
        Components.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Each component's weight in score mixing, comma-separated in the order of <see cref="Components"/>;
    /// empty: each mode's <see cref="DefaultWeight"/>.
    /// </summary>
    public string Weights { get; set; } = "";

    public IReadOnlyList<double> ComponentWeights =>
        Weights.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => double.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>
    /// A component's weight when <see cref="Weights"/> is empty: 1 for BM25 and the encoder (equal
    /// weights measured best on the notes' dev half), 0.5 for the graph's expansion (HotpotQA100's dev
    /// half; bench/RESULTS.md "graph expansion").
    /// </summary>
    public static double DefaultWeight(string mode) =>
        mode.Equals(RetrievalModeNames.Graph, StringComparison.OrdinalIgnoreCase) ? 0.5 : 1.0;

    /// <summary>"mix" (normalised score mixing; measured best, bench/RESULTS.md) or "rrf" (reciprocal rank fusion).</summary>
    public string Fusion { get; set; } = ScoreMixing;

    /// <summary>How deep each component's list is before fusion.</summary>
    public int Candidates { get; set; } = 50;
}
