using GraphRag.Engine.Kernels;

namespace GraphRag.Cuda.Emulation;

/// <summary>What the CUDA attention kernels accept, checked before a launch (and by the emulator, which mirrors them).</summary>
internal static class AttentionShapeRules
{
    public static float Scale(AttentionShape shape) => shape.Scale ?? 1f / MathF.Sqrt(shape.HeadDim);

    public static void ValidatePrefill(AttentionShape shape)
    {
        ValidateCommon(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.QueryLength, 1, nameof(shape.QueryLength));
        if (shape.KeyLength < shape.QueryLength)
            throw new ArgumentException($"The prefill kernel needs KeyLength ({shape.KeyLength}) ≥ QueryLength ({shape.QueryLength}): query i sits at position KeyLength − QueryLength + i.");
    }

    public static void ValidateDecode(AttentionShape shape)
    {
        ValidateCommon(shape);
        if (shape.QueryLength != 1) throw new ArgumentException($"Decode attends one query token; QueryLength is {shape.QueryLength}.");
    }

    public static void RequireLengths(long q, long k, long v, long output, AttentionShape shape)
    {
        long qWidth = (long)shape.Heads * shape.HeadDim, kvWidth = (long)shape.KvHeads * shape.HeadDim;
        Require(q, shape.QueryLength * qWidth, "q");
        Require(k, shape.KeyLength * kvWidth, "k");
        Require(v, shape.KeyLength * kvWidth, "v");
        Require(output, shape.QueryLength * qWidth, "output");
    }

    private static void Require(long length, long needed, string name)
    {
        if (length < needed) throw new ArgumentException($"{name} needs {needed} elements for this shape but has {length}.", name);
    }

    private static void ValidateCommon(AttentionShape shape)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.KeyLength, 1, nameof(shape.KeyLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Heads, 1, nameof(shape.Heads));
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.KvHeads, 1, nameof(shape.KvHeads));
        if (shape.Heads % shape.KvHeads != 0)
            throw new ArgumentException($"Heads ({shape.Heads}) must be a multiple of KvHeads ({shape.KvHeads}).");
        if (!TilingConstants.IsSupportedHeadDim(shape.HeadDim))
            throw new ArgumentException($"HeadDim {shape.HeadDim} is not one the kernels are built for ({string.Join(", ", TilingConstants.HeadDims.ToArray())}).");
        if (shape.KeyValidLength is not null)
            throw new ArgumentException("The CUDA kernels have no key padding mask; pass only the valid keys (KeyValidLength must be null).");
    }
}
