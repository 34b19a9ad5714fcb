using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GraphRag.Engine.Kernels;

/// <summary>
/// A linear layer y[rows, out] = x[rows, in] · W + b whose weight is packed once, at load time, into
/// panels of 16 output columns ([in, 16] each, contiguous), so the inner kernel reads W sequentially and
/// never re-packs it. The bias add, and optionally exact GELU or a residual add, are fused into the
/// store of each tile. This is what an encoder's layers need: the same weights for every batch.
/// </summary>
/// <remarks>
/// Micro-kernel: 6 rows × 16 columns in 12 Vector256 accumulators; per step of k, two loads of W and six
/// broadcasts of x feed 12 FMAs (the register budget of AVX2's 16 ymm registers). A last tile of fewer rows
/// repeats its last row rather than running a narrower kernel. Machines without
/// Vector256 run a scalar loop over the same panels. Work items are (row block, panel) pairs spread over
/// cores. y is overwritten; with a residual, y may be the residual itself.
/// </remarks>
public sealed unsafe class PackedLinear
{
    private const int PanelWidth = 16;
    private const int TileRows = 6;

    /// <summary>Rows of x per work item: a multiple of the micro-tile's 6 rows, small enough to give two cores work at batch 1.</summary>
    private const int RowBlock = 48;

    /// <summary>Products under this many multiply-adds stay on the calling thread.</summary>
    private const long ParallelThreshold = 1 << 18;

    private readonly float[] _panels;
    private readonly float[] _bias;

    private PackedLinear(float[] panels, float[] bias, int inputDim, int outputDim)
    {
        _panels = panels;
        _bias = bias;
        InputDim = inputDim;
        OutputDim = outputDim;
    }

    public int InputDim { get; }

    public int OutputDim { get; }

    private int Panels => (OutputDim + PanelWidth - 1) / PanelWidth;

    /// <summary>What is applied to x·W + b before it is stored.</summary>
    public enum Epilogue
    {
        None,

        /// <summary>Exact GELU, x·Φ(x), with erf to about 1e-7 (BERT's "gelu").</summary>
        Gelu,

        /// <summary>Adds a residual row by row (a transformer's skip connection).</summary>
        AddResidual,
    }

    /// <summary>From a weight stored [in, out] (row i holds input i's weights to every output: ONNX MatMul, TF).</summary>
    public static PackedLinear FromInputMajor(ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, int inputDim, int outputDim)
    {
        CheckWeights(weight, bias, inputDim, outputDim);
        var panels = (outputDim + PanelWidth - 1) / PanelWidth;
        var packed = new float[(long)panels * inputDim * PanelWidth];
        for (var p = 0; p < panels; p++)
        {
            var width = Math.Min(PanelWidth, outputDim - p * PanelWidth);
            for (var i = 0; i < inputDim; i++)
                weight.Slice(i * outputDim + p * PanelWidth, width).CopyTo(packed.AsSpan((p * inputDim + i) * PanelWidth, width));
        }
        return new PackedLinear(packed, PadBias(bias, panels), inputDim, outputDim);
    }

    /// <summary>From a weight stored [out, in] (row o holds output o's weights: PyTorch nn.Linear, A·Bᵀ).</summary>
    public static PackedLinear FromOutputMajor(ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, int inputDim, int outputDim)
    {
        CheckWeights(weight, bias, inputDim, outputDim);
        var panels = (outputDim + PanelWidth - 1) / PanelWidth;
        var packed = new float[(long)panels * inputDim * PanelWidth];
        for (var o = 0; o < outputDim; o++)
        {
            int p = o / PanelWidth, column = o % PanelWidth;
            for (var i = 0; i < inputDim; i++)
                packed[(p * inputDim + i) * PanelWidth + column] = weight[o * inputDim + i];
        }
        return new PackedLinear(packed, PadBias(bias, panels), inputDim, outputDim);
    }

    /// <summary>y = x·W + b, then the epilogue. <paramref name="residual"/> is required for <see cref="Epilogue.AddResidual"/> and may be y.</summary>
    public void Forward(ReadOnlySpan<float> x, Span<float> y, int rows, Epilogue epilogue = Epilogue.None, ReadOnlySpan<float> residual = default, int? maxDegreeOfParallelism = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (x.Length < (long)rows * InputDim) throw new ArgumentException($"x needs {(long)rows * InputDim} elements for [{rows}, {InputDim}] but has {x.Length}.", nameof(x));
        if (y.Length < (long)rows * OutputDim) throw new ArgumentException($"y needs {(long)rows * OutputDim} elements for [{rows}, {OutputDim}] but has {y.Length}.", nameof(y));
        if (epilogue == Epilogue.AddResidual && residual.Length < (long)rows * OutputDim)
            throw new ArgumentException($"The residual needs {(long)rows * OutputDim} elements for [{rows}, {OutputDim}] but has {residual.Length}.", nameof(residual));
        if (rows == 0) return;

        var threads = ComputeOptions.WithThreads(maxDegreeOfParallelism).Threads;
        var rowBlocks = (rows + RowBlock - 1) / RowBlock;
        var items = rowBlocks * Panels;
        fixed (float* px = x, py = y, pr = residual, pw = _panels, pb = _bias)
        {
            var job = new Job(px, py, epilogue == Epilogue.AddResidual ? pr : null, pw, pb, rows, InputDim, OutputDim, epilogue);
            void Item(int index)
            {
                // Panels vary fastest: consecutive items share 48 rows of x (≤ 300 KB, in L2) and sweep W, which stays in L2/L3.
                // (Row blocks fastest would stream all of x once per panel: at 5,000 rows that fell from 60 to 22 GFLOP/s.)
                var panel = index % Panels;
                var r0 = index / Panels * RowBlock;
                RunBlock(job, panel, r0, Math.Min(r0 + RowBlock, rows));
            }

            if (threads == 1 || items == 1 || (long)rows * InputDim * OutputDim < ParallelThreshold)
                for (var i = 0; i < items; i++) Item(i);
            else
                Parallel.For(0, items, new ParallelOptions { MaxDegreeOfParallelism = threads }, Item);
        }
    }

    /// <summary>Pointers and sizes of one call; spans cannot cross into the parallel loop's lambda.</summary>
    private readonly struct Job(float* x, float* y, float* residual, float* panels, float* bias, int rows, int inputDim, int outputDim, Epilogue epilogue)
    {
        public readonly float* X = x, Y = y, Residual = residual, Panels = panels, Bias = bias;
        public readonly int Rows = rows, InputDim = inputDim, OutputDim = outputDim;
        public readonly Epilogue Epilogue = epilogue;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunBlock(in Job job, int panel, int r0, int r1)
    {
        var columns = Math.Min(PanelWidth, job.OutputDim - panel * PanelWidth);
        var w = job.Panels + (long)panel * job.InputDim * PanelWidth;
        var bias = job.Bias + panel * PanelWidth;
        var tile = stackalloc float[TileRows * PanelWidth];
        var r = r0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; r < r1; r += TileRows)
            {
                // A last tile of fewer than 6 rows repeats its last row: one 6-row tile costs less than even two 1-row passes over W.
                var rows = Math.Min(TileRows, r1 - r);
                var x = job.X + (long)r * job.InputDim;
                Tile6x16(x, job.InputDim, rows, w, bias, tile);
                Store(job, tile, rows, r, panel, columns);
            }
        }
        else
        {
            for (; r < r1; r++)
            {
                TileScalar(job.X + (long)r * job.InputDim, job.InputDim, w, bias, tile);
                Store(job, tile, 1, r, panel, columns);
            }
        }
    }

    /// <summary>tile[6, 16] = x[6 rows, in] · panel[in, 16] + bias; rows past <paramref name="rows"/> repeat the last row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile6x16(float* x, int k, int rows, float* w, float* bias, float* tile)
    {
        var b0 = Vector256.Load(bias);
        var b1 = Vector256.Load(bias + 8);
        Vector256<float> c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1;
        Vector256<float> c30 = b0, c31 = b1, c40 = b0, c41 = b1, c50 = b0, c51 = b1;
        float* x1 = x + Math.Min(1, rows - 1) * k, x2 = x + Math.Min(2, rows - 1) * k, x3 = x + Math.Min(3, rows - 1) * k;
        float* x4 = x + Math.Min(4, rows - 1) * k, x5 = x + Math.Min(5, rows - 1) * k;
        for (var p = 0; p < k; p++, w += PanelWidth)
        {
            var w0 = Vector256.Load(w);
            var w1 = Vector256.Load(w + 8);
            var a = Vector256.Create(x[p]);
            c00 = Vector256.FusedMultiplyAdd(a, w0, c00); c01 = Vector256.FusedMultiplyAdd(a, w1, c01);
            a = Vector256.Create(x1[p]);
            c10 = Vector256.FusedMultiplyAdd(a, w0, c10); c11 = Vector256.FusedMultiplyAdd(a, w1, c11);
            a = Vector256.Create(x2[p]);
            c20 = Vector256.FusedMultiplyAdd(a, w0, c20); c21 = Vector256.FusedMultiplyAdd(a, w1, c21);
            a = Vector256.Create(x3[p]);
            c30 = Vector256.FusedMultiplyAdd(a, w0, c30); c31 = Vector256.FusedMultiplyAdd(a, w1, c31);
            a = Vector256.Create(x4[p]);
            c40 = Vector256.FusedMultiplyAdd(a, w0, c40); c41 = Vector256.FusedMultiplyAdd(a, w1, c41);
            a = Vector256.Create(x5[p]);
            c50 = Vector256.FusedMultiplyAdd(a, w0, c50); c51 = Vector256.FusedMultiplyAdd(a, w1, c51);
        }
        c00.Store(tile); c01.Store(tile + 8);
        c10.Store(tile + 16); c11.Store(tile + 24);
        c20.Store(tile + 32); c21.Store(tile + 40);
        c30.Store(tile + 48); c31.Store(tile + 56);
        c40.Store(tile + 64); c41.Store(tile + 72);
        c50.Store(tile + 80); c51.Store(tile + 88);
    }

    private static void TileScalar(float* x, int k, float* w, float* bias, float* tile)
    {
        for (var j = 0; j < PanelWidth; j++) tile[j] = bias[j];
        for (var p = 0; p < k; p++, w += PanelWidth)
            for (var j = 0; j < PanelWidth; j++) tile[j] += x[p] * w[j];
    }

    /// <summary>Applies the epilogue to a computed tile and writes its valid columns into y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Store(in Job job, float* tile, int rows, int r, int panel, int columns)
    {
        for (var i = 0; i < rows; i++)
        {
            var offset = (long)(r + i) * job.OutputDim + panel * PanelWidth;
            var from = tile + i * PanelWidth;
            if (columns == PanelWidth && Vector256.IsHardwareAccelerated)
            {
                // A full panel row is two vectors: apply the epilogue in registers.
                var v0 = Vector256.Load(from);
                var v1 = Vector256.Load(from + 8);
                if (job.Epilogue == Epilogue.Gelu)
                {
                    v0 = GeluLanes(v0);
                    v1 = GeluLanes(v1);
                }
                else if (job.Epilogue == Epilogue.AddResidual)
                {
                    v0 += Vector256.Load(job.Residual + offset);
                    v1 += Vector256.Load(job.Residual + offset + 8);
                }
                v0.Store(job.Y + offset);
                v1.Store(job.Y + offset + 8);
                continue;
            }
            var source = new Span<float>(from, columns);
            var target = new Span<float>(job.Y + offset, columns);
            switch (job.Epilogue)
            {
                case Epilogue.Gelu:
                    Gelu(source, target);
                    break;
                case Epilogue.AddResidual:
                    System.Numerics.Tensors.TensorPrimitives.Add(source, new ReadOnlySpan<float>(job.Residual + offset, columns), target);
                    break;
                default:
                    source.CopyTo(target);
                    break;
            }
        }
    }

    /// <summary>
    /// GELU(x) = x/2 · (1 + erf(x/√2)), erf by Abramowitz &amp; Stegun 7.1.26 (|error| ≤ 1.5e-7) in Vector256 lanes:
    /// erf(z) = 1 − t·(a1 + t·(a2 + t·(a3 + t·(a4 + t·a5))))·e^(−z²), t = 1/(1 + p·z), for z ≥ 0, odd in z.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Gelu(ReadOnlySpan<float> source, Span<float> destination)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 8 <= source.Length; i += 8)
                GeluLanes(Vector256.Create(source.Slice(i, 8))).CopyTo(destination.Slice(i, 8));
        }
        for (; i < source.Length; i++)
        {
            var v = source[i];
            var z = MathF.Abs(v) * InverseSqrt2;
            var t = 1f / (1f + P * z);
            var erf = 1f - t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5)))) * MathF.Exp(-z * z);
            destination[i] = 0.5f * v * (1f + MathF.CopySign(erf, v));
        }
    }

    private const float InverseSqrt2 = 0.70710678118654752f;
    private const float P = 0.3275911f;
    private const float A1 = 0.254829592f, A2 = -0.284496736f, A3 = 1.421413741f, A4 = -1.453152027f, A5 = 1.061405429f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> GeluLanes(Vector256<float> v)
    {
        var z = Vector256.Abs(v) * Vector256.Create(InverseSqrt2);
        var t = Vector256<float>.One / (Vector256<float>.One + Vector256.Create(P) * z);
        var poly = Vector256.FusedMultiplyAdd(t, Vector256.Create(A5), Vector256.Create(A4));
        poly = Vector256.FusedMultiplyAdd(t, poly, Vector256.Create(A3));
        poly = Vector256.FusedMultiplyAdd(t, poly, Vector256.Create(A2));
        poly = Vector256.FusedMultiplyAdd(t, poly, Vector256.Create(A1));
        var erf = Vector256<float>.One - t * poly * ExpNonPositive(-(z * z));
        var signed = Vector256.ConditionalSelect(Vector256.LessThan(v, Vector256<float>.Zero), -erf, erf);
        return Vector256.Create(0.5f) * v * (Vector256<float>.One + signed);
    }

    /// <summary>
    /// e^x for x ≤ 0 (Cephes' expf: x = n·ln2 + r, |r| ≤ ln2/2, a degree-6 polynomial for e^r, 2^n put into the
    /// exponent bits; relative error ~1e-7). Inputs below −87 give e^−87 ≈ 1.6e-38 instead of denormals.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpNonPositive(Vector256<float> x)
    {
        x = Vector256.Max(x, Vector256.Create(-87f));
        var n = Vector256.Round(x * Vector256.Create(1.44269504088896341f));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-0.693359375f), x);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(2.12194440e-4f), r);
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(1.9875691500e-4f), r, Vector256.Create(1.3981999507e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(8.3334519073e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(4.1665795894e-2f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.6666665459e-1f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(5.0000001201e-1f));
        p = Vector256.FusedMultiplyAdd(p, r * r, r + Vector256<float>.One);
        var scale = (Vector256.ConvertToInt32(n) + Vector256.Create(127)) << 23;
        return p * scale.AsSingle();
    }

    private static void CheckWeights(ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, int inputDim, int outputDim)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDim, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputDim, 1);
        if (weight.Length != (long)inputDim * outputDim)
            throw new ArgumentException($"The weight has {weight.Length} elements; [{inputDim}, {outputDim}] needs {(long)inputDim * outputDim}.", nameof(weight));
        if (bias.Length != outputDim)
            throw new ArgumentException($"The bias has {bias.Length} elements; the layer has {outputDim} outputs.", nameof(bias));
    }

    private static float[] PadBias(ReadOnlySpan<float> bias, int panels)
    {
        var padded = new float[panels * PanelWidth];
        bias.CopyTo(padded);
        return padded;
    }
}
