namespace GraphRag.Engine.Kernels;

/// <summary>Which dimensions of a head rotate together.</summary>
public enum RopeStyle
{
    /// <summary>Dimensions (2i, 2i+1) form a pair: Meta's layout, llama.cpp's "normal" RoPE on GGUF llama weights.</summary>
    AdjacentPairs,

    /// <summary>Dimension i pairs with i + d/2 (Hugging Face rotate_half, llama.cpp "neox", Qwen2 GGUF).</summary>
    HalfSplit,
}

/// <summary>
/// Rotary position embedding in place on a token-major [tokens, heads·headDim] matrix: pair i of a head
/// at position p is rotated by the angle p·θ^(−2i/rotaryDims).
/// </summary>
public static class Rope
{
    /// <summary>
    /// Rotates the first <paramref name="rotaryDims"/> dimensions of every head (the rest stay as they are);
    /// row t is at position <paramref name="startPosition"/> + t. <paramref name="frequencyFactors"/> (one per
    /// pair, Llama 3.1+'s rope_freqs) divide the angles of long-wavelength pairs; empty means no scaling.
    /// </summary>
    public static void Apply(Span<float> x, int tokens, int heads, int headDim, int startPosition, float theta,
        RopeStyle style, int? rotaryDims = null, ReadOnlySpan<float> frequencyFactors = default)
    {
        var dims = rotaryDims ?? headDim;
        if (dims % 2 != 0 || dims > headDim)
            throw new ArgumentException($"Rotary dimensions ({dims}) must be even and at most the head size ({headDim}).");
        if (x.Length < (long)tokens * heads * headDim)
            throw new ArgumentException($"RoPE input needs {(long)tokens * heads * headDim} elements but has {x.Length}.", nameof(x));
        var pairs = dims / 2;
        if (!frequencyFactors.IsEmpty && frequencyFactors.Length != pairs)
            throw new ArgumentException($"RoPE frequency factors: {frequencyFactors.Length} given, {pairs} rotary pairs.");
        Span<float> cos = stackalloc float[pairs];
        Span<float> sin = stackalloc float[pairs];
        for (var t = 0; t < tokens; t++)
        {
            // Angles in double: positions reach the tens of thousands, where float angles lose digits.
            var position = startPosition + t;
            for (var i = 0; i < pairs; i++)
            {
                var angle = position * Math.Pow(theta, -2.0 * i / dims);
                if (!frequencyFactors.IsEmpty)
                    angle /= frequencyFactors[i];
                cos[i] = (float)Math.Cos(angle);
                sin[i] = (float)Math.Sin(angle);
            }
            for (var h = 0; h < heads; h++)
                RotateHead(x.Slice((t * heads + h) * headDim, headDim), cos, sin, style);
        }
    }

    private static void RotateHead(Span<float> head, ReadOnlySpan<float> cos, ReadOnlySpan<float> sin, RopeStyle style)
    {
        var pairs = cos.Length;
        for (var i = 0; i < pairs; i++)
        {
            var (a, b) = style == RopeStyle.AdjacentPairs ? (2 * i, 2 * i + 1) : (i, i + pairs);
            var x0 = head[a];
            var x1 = head[b];
            head[a] = x0 * cos[i] - x1 * sin[i];
            head[b] = x0 * sin[i] + x1 * cos[i];
        }
    }
}
