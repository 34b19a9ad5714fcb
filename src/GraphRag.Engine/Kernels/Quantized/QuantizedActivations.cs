using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>How activations are quantized before an integer product, by the weight format they meet.</summary>
public enum ActivationBlocks
{
    /// <summary>ggml's Q8_0 (for Q8_0 and Q4_0 weights): 32 values per block, scale max|x|/127 rounded to fp16.</summary>
    Q8_0,

    /// <summary>ggml's Q8_K (for the K-quants): 256 values per block, float scale, sums of every 16 quants.</summary>
    Q8_K,
}

/// <summary>
/// A batch of activation rows quantized to int8 blocks exactly as ggml quantizes them (round half to even,
/// the same scales), so integer products match llama.cpp's. Buffers grow to the largest batch seen and are
/// then reused: quantizing a token allocates nothing.
/// </summary>
public sealed unsafe class QuantizedActivations
{
    private sbyte[] _quants = [];
    private float[] _scales = [];
    private int[] _blockSums = [];
    private short[] _sums16 = [];

    public ActivationBlocks Blocks { get; private set; }

    public int Rows { get; private set; }

    public int Columns { get; private set; }

    /// <summary>[Rows, Columns] int8 values.</summary>
    public ReadOnlySpan<sbyte> Quants => _quants.AsSpan(0, Rows * Columns);

    /// <summary>One scale per block, row-major [Rows, Columns / block].</summary>
    public ReadOnlySpan<float> Scales => _scales.AsSpan(0, Rows * (Columns / BlockValues(Blocks)));

    /// <summary>Q8_0: the sum of each block's 32 quants, [Rows, Columns / 32].</summary>
    public ReadOnlySpan<int> BlockSums => _blockSums.AsSpan(0, Rows * (Columns / 32));

    /// <summary>Q8_K: the sum of every 16 quants, [Rows, Columns / 16] (ggml's bsums).</summary>
    public ReadOnlySpan<short> Sums16 => _sums16.AsSpan(0, Rows * (Columns / 16));

    public static int BlockValues(ActivationBlocks blocks) => blocks == ActivationBlocks.Q8_0 ? 32 : 256;

    /// <summary>Quantizes <paramref name="rows"/> rows of <paramref name="columns"/> values (a multiple of the block).</summary>
    public void Quantize(ReadOnlySpan<float> x, int rows, int columns, ActivationBlocks blocks)
    {
        var block = BlockValues(blocks);
        if (columns % block != 0)
            throw new ArgumentException($"{blocks} activations need a multiple of {block} values per row, got {columns}.");
        if (x.Length < (long)rows * columns)
            throw new ArgumentException($"x needs {(long)rows * columns} values for [{rows}, {columns}] but has {x.Length}.");
        Blocks = blocks;
        Rows = rows;
        Columns = columns;
        Grow(ref _quants, rows * columns);
        Grow(ref _scales, rows * columns / block);
        if (blocks == ActivationBlocks.Q8_0) Grow(ref _blockSums, rows * columns / 32);
        else Grow(ref _sums16, rows * columns / 16);

        var count = rows * columns / block;
        fixed (float* values = x)
        fixed (sbyte* quants = _quants)
        {
            for (var b = 0; b < count; b++)
            {
                if (blocks == ActivationBlocks.Q8_0) QuantizeQ8_0(values + b * block, quants + b * block, b);
                else QuantizeQ8_K(values + b * block, quants + b * block, b);
            }
        }
    }

    /// <summary>
    /// ggml's quantize_row_q8_0: d = max|x|/127 (stored as fp16), q = round-half-even(x · 1/d) with the float d
    /// before rounding. 1/d and 127/max|x| differ in the last bit for some blocks; 1/d is what the llama.cpp of
    /// LLamaSharp 0.30.0 computes (its Q8_0 logits then equal ours to 4e-7), and the fixture's newer llama.cpp agrees to 1e-6.
    /// </summary>
    private void QuantizeQ8_0(float* values, sbyte* quants, int b)
    {
        var amax = MathF.Abs(TensorPrimitives.MaxMagnitude(new ReadOnlySpan<float>(values, 32)));
        var d = amax / 127f;
        _scales[b] = (float)(Half)d;
        _blockSums[b] = Round(values, 32, d != 0f ? 1f / d : 0f, quants);
    }

    /// <summary>ggml's quantize_row_q8_K: the value of largest magnitude maps to −127, d = 1/iscale, sums per 16.</summary>
    private void QuantizeQ8_K(float* values, sbyte* quants, int b)
    {
        var max = TensorPrimitives.MaxMagnitude(new ReadOnlySpan<float>(values, 256));
        if (max == 0f)
        {
            _scales[b] = 0f;
            new Span<sbyte>(quants, 256).Clear();
            _sums16.AsSpan(b * 16, 16).Clear();
            return;
        }
        var inverse = -127f / max;
        Round(values, 256, inverse, quants);
        _scales[b] = 1f / inverse;
        for (var j = 0; j < 16; j++)
        {
            var sum = 0;
            for (var i = 0; i < 16; i++) sum += quants[16 * j + i];
            _sums16[b * 16 + j] = (short)sum;
        }
    }

    /// <summary>q = min(127, round-half-even(x · inverse)) for <paramref name="count"/> (a multiple of 32) values; returns Σq.</summary>
    private static int Round(float* values, int count, float inverse, sbyte* quants)
    {
        if (Avx2.IsSupported)
        {
            var scale = Vector256.Create(inverse);
            var limit = Vector256.Create(127);
            // packs works within 128-bit lanes; this permutation puts the 32 bytes back in order.
            var order = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
            var total = Vector256<int>.Zero;
            for (var i = 0; i < count; i += 32)
            {
                var q0 = Vector256.Min(Vector256.ConvertToInt32(Vector256.Round(Vector256.Load(values + i) * scale)), limit);
                var q1 = Vector256.Min(Vector256.ConvertToInt32(Vector256.Round(Vector256.Load(values + i + 8) * scale)), limit);
                var q2 = Vector256.Min(Vector256.ConvertToInt32(Vector256.Round(Vector256.Load(values + i + 16) * scale)), limit);
                var q3 = Vector256.Min(Vector256.ConvertToInt32(Vector256.Round(Vector256.Load(values + i + 24) * scale)), limit);
                total += (q0 + q1) + (q2 + q3);
                var bytes = Avx2.PackSignedSaturate(Avx2.PackSignedSaturate(q0, q1), Avx2.PackSignedSaturate(q2, q3));
                Avx2.PermuteVar8x32(bytes.AsInt32(), order).AsSByte().Store(quants + i);
            }
            return Vector256.Sum(total);
        }
        var sum = 0;
        for (var i = 0; i < count; i++)
        {
            var q = (int)MathF.Min(127f, MathF.Round(values[i] * inverse));
            quants[i] = (sbyte)q;
            sum += q;
        }
        return sum;
    }

    private static void Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = GC.AllocateUninitializedArray<T>(length, pinned: true);
    }
}
