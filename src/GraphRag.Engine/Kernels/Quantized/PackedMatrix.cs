using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphRag.Engine.Kernels.Quantized;

/// <summary>The ggml block formats that have integer kernels.</summary>
public enum QuantizedFormat
{
    Q8_0,
    Q4_0,
    Q4_K,
    Q6_K,
}

/// <summary>
/// A quantized weight matrix [Rows, Columns] (the Linear layout [out, in]) repacked for integer products, the way
/// llama.cpp repacks weights at load: the rows go in groups of 8, and within a group each block's values are
/// interleaved 4 bytes per row, so one 256-bit vector holds 4 consecutive values of all 8 rows. Against 4
/// activation values broadcast to every lane, one multiply-add instruction then advances 8 dot products at once,
/// and each block's 8 weight scales are applied as one vector. The numbers are ggml's: only their order changes.
/// </summary>
public abstract unsafe class PackedMatrix
{
    /// <summary>Weight rows per interleaved group (one 32-bit lane each in a 256-bit vector).</summary>
    public const int GroupRows = 8;

    /// <summary>Activation rows multiplied against one unpacked weight block (prefill reuses it this often).</summary>
    protected const int ActivationTile = 4;

    private readonly byte[] _packed;

    protected PackedMatrix(int rows, int columns, int blockValues, int groupBlockBytes)
    {
        if (columns % blockValues != 0)
            throw new ArgumentException($"{GetType().Name}: rows of {columns} values are not whole blocks of {blockValues}.");
        Rows = rows;
        Columns = columns;
        BlocksPerRow = columns / blockValues;
        GroupBlockBytes = groupBlockBytes;
        Groups = (rows + GroupRows - 1) / GroupRows;
        _packed = GC.AllocateArray<byte>(Groups * BlocksPerRow * groupBlockBytes, pinned: true);
        Data = (byte*)Unsafe.AsPointer(ref _packed[0]);
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Groups of <see cref="GroupRows"/> rows; the last is padded with zero rows.</summary>
    public int Groups { get; }

    public abstract QuantizedFormat Format { get; }

    /// <summary>How the activations must be quantized for this format.</summary>
    public abstract ActivationBlocks ActivationBlocks { get; }

    /// <summary>Bytes one product reads: the packed weights.</summary>
    public long ByteLength => _packed.LongLength;

    protected readonly int BlocksPerRow;

    protected readonly int GroupBlockBytes;

    protected readonly byte* Data;

    /// <summary>Packed bytes of block <paramref name="block"/> of group <paramref name="group"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected byte* GroupBlock(int group, int block) => Data + ((long)group * BlocksPerRow + block) * GroupBlockBytes;

    /// <summary>Repacks a ggml tensor held in <paramref name="ggml"/> (rows of ggml blocks, back to back).</summary>
    public static PackedMatrix Pack(QuantizedFormat format, ReadOnlySpan<byte> ggml, int rows, int columns)
    {
        var (blockValues, blockBytes) = format switch
        {
            QuantizedFormat.Q8_0 => (Q8_0Format.BlockValues, Q8_0Format.BlockBytes),
            QuantizedFormat.Q4_0 => (Q4_0Format.BlockValues, Q4_0Format.BlockBytes),
            QuantizedFormat.Q4_K => (Q4_KFormat.BlockValues, Q4_KFormat.BlockBytes),
            _ => (Q6_KFormat.BlockValues, Q6_KFormat.BlockBytes),
        };
        var needed = (long)rows * (columns / blockValues) * blockBytes;
        if (ggml.Length < needed)
            throw new ArgumentException($"{format} [{rows}, {columns}] needs {needed} bytes, got {ggml.Length}.");
        fixed (byte* p = ggml) return Pack(format, p, rows, columns);
    }

    /// <summary>Repacks a ggml tensor at <paramref name="ggml"/> (rows of ggml blocks, back to back) for the integer kernels.</summary>
    public static PackedMatrix Pack(QuantizedFormat format, byte* ggml, int rows, int columns) => format switch
    {
        QuantizedFormat.Q8_0 => new PackedQ8_0(ggml, rows, columns),
        QuantizedFormat.Q4_0 => new PackedQ4_0(ggml, rows, columns),
        QuantizedFormat.Q4_K => new PackedQ4_K(ggml, rows, columns),
        QuantizedFormat.Q6_K => new PackedQ6_K(ggml, rows, columns),
        _ => throw new NotSupportedException($"No integer kernel for {format}."),
    };

    /// <summary>Whether this CPU runs the AVX2 kernels (else the scalar ones).</summary>
    public static bool Avx2Kernels => Avx2.IsSupported;

    /// <summary>
    /// y[t, r] = Σ dequantized(W[r]) · x[t] for the rows of groups [<paramref name="firstGroup"/>, <paramref name="endGroup"/>)
    /// and activation rows t &lt; x.Rows; y is [x.Rows, Rows] with rows <paramref name="yStride"/> floats apart.
    /// </summary>
    public void MultiplyGroups(QuantizedActivations x, float* y, int yStride, int firstGroup, int endGroup, bool vectorized)
    {
        if (x.Blocks != ActivationBlocks || x.Columns != Columns)
            throw new ArgumentException($"{Format} [{Rows}, {Columns}] needs {ActivationBlocks} activations of {Columns} columns, got {x.Blocks} of {x.Columns}.");
        var tile = stackalloc float[ActivationTile * GroupRows];
        fixed (sbyte* quants = x.Quants)
        fixed (float* scales = x.Scales)
        fixed (int* blockSums = x.Blocks == ActivationBlocks.Q8_0 ? x.BlockSums : default)
        fixed (short* sums16 = x.Blocks == ActivationBlocks.Q8_K ? x.Sums16 : default)
        {
            var activations = new Activations(quants, scales, blockSums, sums16, x.Columns, x.Columns / QuantizedActivations.BlockValues(x.Blocks));
            var avx2 = vectorized && Avx2.IsSupported;
            for (var group = firstGroup; group < endGroup; group++)
            {
                var rows = Math.Min(GroupRows, Rows - group * GroupRows);
                for (var t0 = 0; t0 < x.Rows; t0 += ActivationTile)
                {
                    var count = Math.Min(ActivationTile, x.Rows - t0);
                    if (!avx2) MultiplyGroupScalar(group, activations, t0, count, tile);
                    else if (count == ActivationTile) MultiplyGroupAvx2FourRows(group, activations, t0, tile);
                    else
                        for (var u = 0; u < count; u++) MultiplyGroupAvx2OneRow(group, activations, t0 + u, tile + u * GroupRows);
                    for (var u = 0; u < count; u++)
                        new ReadOnlySpan<float>(tile + u * GroupRows, rows).CopyTo(new Span<float>(y + (long)(t0 + u) * yStride + group * GroupRows, rows));
                }
            }
        }
    }

    /// <summary>Writes output[u·8 + r] for activation rows t0..t0+3 and the 8 rows of the group (one unpacked weight block serves 4 activation rows).</summary>
    protected abstract void MultiplyGroupAvx2FourRows(int group, in Activations x, int t0, float* output);

    /// <summary>Writes output[r] for activation row t and the 8 rows of the group (decoding, and the tail of a batch).</summary>
    protected abstract void MultiplyGroupAvx2OneRow(int group, in Activations x, int t, float* output);

    /// <summary>The same products one value at a time (CPUs without AVX2, and the reference the vector path is tested against).</summary>
    protected abstract void MultiplyGroupScalar(int group, in Activations x, int t0, int count, float* output);

    /// <summary>How many activation rows a kernel instance handles: the JIT compiles one body per count, dead rows removed.</summary>
    protected interface IRowCount
    {
        static abstract bool Four { get; }
    }

    protected readonly struct OneRow : IRowCount
    {
        public static bool Four => false;
    }

    protected readonly struct FourRows : IRowCount
    {
        public static bool Four => true;
    }

    /// <summary>Quantized activations as raw pointers (the kernels run inside fixed blocks).</summary>
    protected readonly struct Activations(sbyte* quants, float* scales, int* blockSums, short* sums16, int columns, int blocksPerRow)
    {
        public readonly sbyte* Quants = quants;

        /// <summary>One scale per activation block, [rows, BlocksPerRow].</summary>
        public readonly float* Scales = scales;

        /// <summary>Q8_0: Σq per block, [rows, BlocksPerRow].</summary>
        public readonly int* BlockSums = blockSums;

        /// <summary>Q8_K: Σq per 16 values, [rows, 16 · BlocksPerRow].</summary>
        public readonly short* Sums16 = sums16;

        public readonly int Columns = columns;

        public readonly int BlocksPerRow = blocksPerRow;

        public sbyte* Row(int t) => Quants + (long)t * Columns;

        public float Scale(int t, int block) => Scales[t * BlocksPerRow + block];
    }

    /// <summary>
    /// Packs ggml blocks that are an fp16 scale followed by <paramref name="steps"/> × 4 bytes of quants (Q8_0, Q4_0):
    /// per group block, the 8 rows' scales widened to float32 (converting fp16 in the kernel cost more than the 16 extra
    /// bytes per block cost in bandwidth: decoding is bound by arithmetic here), then step t = the rows' quant bytes
    /// 4t..4t+3 interleaved.
    /// </summary>
    protected void PackScaledBlocks(byte* ggml, int ggmlBlockBytes, int steps)
    {
        var rowBytes = (long)BlocksPerRow * ggmlBlockBytes;
        var sources = stackalloc byte*[GroupRows];
        for (var g = 0; g < Groups; g++)
        {
            for (var r = 0; r < GroupRows; r++)
                sources[r] = g * GroupRows + r < Rows ? ggml + (g * GroupRows + r) * rowBytes : null;
            for (var b = 0; b < BlocksPerRow; b++)
            {
                var target = GroupBlock(g, b);
                for (var r = 0; r < GroupRows; r++)
                    ((float*)target)[r] = sources[r] is null ? 0f : (float)*(Half*)(sources[r] + b * ggmlBlockBytes);
                for (var t = 0; t < steps; t++)
                    Interleave4(sources, b * ggmlBlockBytes + 2 + 4 * t, target + ScaledBlockScaleBytes + 32 * t);
            }
        }
    }

    /// <summary>Bytes of the 8 float32 scales at the start of a Q8_0/Q4_0 group block.</summary>
    protected const int ScaledBlockScaleBytes = 4 * GroupRows;

    /// <summary>Stores the float accumulators of a tile: row u's 8 outputs at output + 8u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void StoreTile(bool four, Vector256<float> f0, Vector256<float> f1, Vector256<float> f2, Vector256<float> f3, float* output)
    {
        f0.Store(output);
        if (!four) return;
        f1.Store(output + GroupRows);
        f2.Store(output + 2 * GroupRows);
        f3.Store(output + 3 * GroupRows);
    }

    /// <summary>Copies 4-byte pieces of 8 rows into one 32-byte step: step byte 4r + i = source row r's byte i.</summary>
    protected static void Interleave4(byte** rows, int offset, byte* step)
    {
        for (var r = 0; r < GroupRows; r++)
            *(uint*)(step + 4 * r) = rows[r] is null ? 0u : Unsafe.ReadUnaligned<uint>(rows[r] + offset);
    }

    /// <summary>8 fp16 values to float32 (exact for normal and subnormal numbers, which is all a scale can be).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static Vector256<float> HalvesToSingles(ushort* halves)
    {
        var h = Avx2.ConvertToVector256Int32(halves);
        var sign = Avx2.ShiftLeftLogical(h & Vector256.Create(0x8000), 16);
        // × 2¹¹² re-biases the fp16 exponent (bias 15) now sitting in a float32 (bias 127).
        var magnitude = Avx2.ShiftLeftLogical(h & Vector256.Create(0x7FFF), 13).AsSingle() * Vector256.Create(0x77800000).AsSingle();
        return (magnitude.AsInt32() | sign).AsSingle();
    }

    /// <summary>Each int32 lane's low 16 bits copied into its high 16 bits: a per-row int16 pair for madd.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static Vector256<short> PairPerLane(Vector256<int> values) =>
        ((values & Vector256.Create(0xFFFF)) | Avx2.ShiftLeftLogical(values, 16)).AsInt16();

    /// <summary>4 activation bytes broadcast to all 8 lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static Vector256<sbyte> Broadcast4(sbyte* values) => Vector256.Create(Unsafe.ReadUnaligned<int>(values)).AsSByte();

    /// <summary>The low nibbles of each byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static Vector256<byte> LowNibbles(Vector256<byte> packed) => packed & Vector256.Create((byte)0x0F);

    /// <summary>The high nibbles of each byte, moved down.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static Vector256<byte> HighNibbles(Vector256<byte> packed) =>
        Avx2.ShiftRightLogical(packed.AsUInt16(), 4).AsByte() & Vector256.Create((byte)0x0F);

    /// <summary>u8 weights × 4 activation bytes broadcast: int16 sums of pairs (maddubs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static Vector256<short> Products(Vector256<byte> weights, sbyte* activations) =>
        Avx2.MultiplyAddAdjacent(weights, Broadcast4(activations));

    /// <summary>int16 pair sums widened to one int32 per row (madd with ones).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static Vector256<int> Widen(Vector256<short> pairs) => Avx2.MultiplyAddAdjacent(pairs, Vector256.Create((short)1));
}
