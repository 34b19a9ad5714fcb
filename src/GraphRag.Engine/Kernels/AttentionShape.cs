namespace GraphRag.Engine.Kernels;

/// <summary>
/// The shape and masks of one scaled dot-product attention call (one sequence).
/// </summary>
/// <remarks>
/// Layouts (token-major, exactly what projecting a [tokens, dim] matrix produces):
/// Q is [QueryLength, Heads·HeadDim], K and V are [KeyLength, KvHeads·HeadDim], the output is
/// [QueryLength, Heads·HeadDim]; head h occupies columns [h·HeadDim, (h+1)·HeadDim).
/// </remarks>
public readonly record struct AttentionShape
{
    public AttentionShape(int queryLength, int keyLength, int heads, int headDim)
    {
        QueryLength = queryLength;
        KeyLength = keyLength;
        Heads = heads;
        KvHeads = heads;
        HeadDim = headDim;
    }

    public int QueryLength { get; init; }
    public int KeyLength { get; init; }

    /// <summary>Query heads.</summary>
    public int Heads { get; init; }

    /// <summary>Key/value heads (grouped-query attention): query head h reads kv head h / (Heads / KvHeads).</summary>
    public int KvHeads { get; init; }

    public int HeadDim { get; init; }

    /// <summary>
    /// Causal mask, bottom-right aligned (the KV-cache convention): query i sits at absolute position
    /// KeyLength − QueryLength + i and sees keys j ≤ that position.
    /// </summary>
    public bool Causal { get; init; }

    /// <summary>Padding mask: keys at positions ≥ this are ignored. Null means all KeyLength keys are valid.</summary>
    public int? KeyValidLength { get; init; }

    /// <summary>Score scale. Null means 1/√HeadDim.</summary>
    public float? Scale { get; init; }

    internal float EffectiveScale => Scale ?? 1f / MathF.Sqrt(HeadDim);

    internal int ValidKeys => Math.Min(KeyValidLength ?? KeyLength, KeyLength);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(QueryLength, nameof(QueryLength));
        ArgumentOutOfRangeException.ThrowIfNegative(KeyLength, nameof(KeyLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(Heads, 1, nameof(Heads));
        ArgumentOutOfRangeException.ThrowIfLessThan(KvHeads, 1, nameof(KvHeads));
        ArgumentOutOfRangeException.ThrowIfLessThan(HeadDim, 1, nameof(HeadDim));
        if (Heads % KvHeads != 0) throw new ArgumentException($"Heads ({Heads}) must be a multiple of KvHeads ({KvHeads}).");
        if (KeyValidLength is < 0) throw new ArgumentException($"KeyValidLength ({KeyValidLength}) must not be negative.");
        if (Causal && QueryLength > KeyLength) throw new ArgumentException($"A causal call needs QueryLength ({QueryLength}) ≤ KeyLength ({KeyLength}).");
    }
}
