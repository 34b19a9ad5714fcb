namespace GraphRag.Retrieve.Fusion;

/// <summary>GraphRag:Retrieval:Hybrid: what the hybrid mode fuses, and how.</summary>
public sealed class HybridOptions
{
    public const string ScoreMixing = "mix";
    public const string ReciprocalRank = "rrf";

    /// <summary>
    /// The modes fused, comma-separated, among those available (a missing one is skipped). A string,
    /// not a list: configuration binding appends to a list's defaults instead of replacing them.
    /// </summary>
    public string Components { get; set; } = "lexical,dense";

    public IReadOnlyList<string> ComponentModes =>
        Components.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Each component's weight in score mixing, comma-separated in the order of <see cref="Components"/>;
    /// empty: 1 each. Tuned on the dev half of the notes questions (bench/RESULTS.md).
    /// </summary>
    public string Weights { get; set; } = "";

    public IReadOnlyList<double> ComponentWeights =>
        Weights.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => double.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>"mix" (normalised score mixing; measured best, bench/RESULTS.md) or "rrf" (reciprocal rank fusion).</summary>
    public string Fusion { get; set; } = ScoreMixing;

    /// <summary>How deep each component's list is before fusion.</summary>
    public int Candidates { get; set; } = 50;
}
