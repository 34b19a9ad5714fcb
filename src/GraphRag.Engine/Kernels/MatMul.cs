using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using GraphRag.Engine.Kernels.Simd;

namespace GraphRag.Engine.Kernels;

/// <summary>
/// Matrix products of row-major float32 matrices, cache-tiled, register-blocked for the widest vectors the
/// CPU accelerates (AVX-512, AVX2, 128-bit or scalar: one generic kernel body per width), and spread over
/// threads when the product is large enough.
/// </summary>
/// <remarks>
/// The inner kernels are compiled fully optimised on first call (AggressiveOptimization): tier-0 code of
/// the vector loops runs an order of magnitude slower, and a model calls each shape only a few times.
/// Layouts: A is [m, k] (row i at a[i*k..]), B is [k, n], Bᵀ is [n, k] (the Linear weight layout
/// [out, in]), C is [m, n]. C is overwritten, never accumulated into.
/// </remarks>
public static unsafe class MatMul
{
    /// <summary>Products under this many multiply-adds stay on the calling thread.</summary>
    private const long ParallelThreshold = 1 << 18;

    /// <summary>Rows of A per tile (a multiple of the 4-row micro-kernels).</summary>
    private const int RowTile = 32;

    /// <summary>Columns of C per A·Bᵀ tile (a multiple of the 3-column micro-kernel).</summary>
    private const int TransposedColTile = 48;

    /// <summary>Columns of C per A·B tile (a multiple of the widest 2-vector panel, 32 floats).</summary>
    private const int ColTile = 64;

    /// <summary>C[m,n] = A[m,k] · B[k,n].</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, int? maxDegreeOfParallelism = null) =>
        Multiply(a, b, c, m, k, n, ComputeOptions.WithThreads(maxDegreeOfParallelism));

    /// <summary>C[m,n] = A[m,k] · B[k,n] with the given threads and vector width.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, ComputeOptions options)
    {
        Validate(a, b, c, m, k, n, nameof(b));
        fixed (float* pa = a, pb = b, pc = c)
            Run(new Operands(pa, pb, pc, m, k, n), options, transposed: false);
    }

    /// <summary>C[m,n] = A[m,k] · Bᵀ where <paramref name="bT"/> is [n,k] (each row of bT is one output column).</summary>
    public static void MultiplyTransposed(ReadOnlySpan<float> a, ReadOnlySpan<float> bT, Span<float> c, int m, int k, int n, int? maxDegreeOfParallelism = null) =>
        MultiplyTransposed(a, bT, c, m, k, n, ComputeOptions.WithThreads(maxDegreeOfParallelism));

    /// <summary>C[m,n] = A[m,k] · Bᵀ with the given threads and vector width.</summary>
    public static void MultiplyTransposed(ReadOnlySpan<float> a, ReadOnlySpan<float> bT, Span<float> c, int m, int k, int n, ComputeOptions options)
    {
        Validate(a, bT, c, m, k, n, nameof(bT));
        fixed (float* pa = a, pb = bT, pc = c)
            Run(new Operands(pa, pb, pc, m, k, n), options, transposed: true);
    }

    private static void Validate(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, string bName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (a.Length < (long)m * k) throw new ArgumentException($"A needs {(long)m * k} elements for [{m},{k}] but has {a.Length}.", nameof(a));
        if (b.Length < (long)k * n) throw new ArgumentException($"B needs {(long)k * n} elements for {k}x{n} but has {b.Length}.", bName);
        if (c.Length < (long)m * n) throw new ArgumentException($"C needs {(long)m * n} elements for [{m},{n}] but has {c.Length}.", nameof(c));
    }

    /// <summary>Raw pointers of one product; spans cannot cross into the parallel loop's lambda.</summary>
    private readonly struct Operands(float* a, float* b, float* c, int m, int k, int n)
    {
        public readonly float* A = a, B = b, C = c;
        public readonly int M = m, K = k, N = n;
    }

    private static void Run(Operands o, ComputeOptions options, bool transposed)
    {
        switch (options.Width)
        {
            case SimdWidth.Bits512: RunTiles<Float512>(o, options.Threads, transposed); break;
            case SimdWidth.Bits256: RunTiles<Float256>(o, options.Threads, transposed); break;
            case SimdWidth.Bits128: RunTiles<Float128>(o, options.Threads, transposed); break;
            default: RunTiles<Float1>(o, options.Threads, transposed); break;
        }
    }

    private static void RunTiles<TV>(Operands o, int threads, bool transposed) where TV : struct, IFloatVector<TV>
    {
        if (o.M == 0 || o.N == 0) return;
        var colTile = transposed ? TransposedColTile : ColTile;
        var rowTiles = (o.M + RowTile - 1) / RowTile;
        var colTiles = (o.N + colTile - 1) / colTile;
        var tiles = rowTiles * colTiles;

        // Column tiles vary fastest so that consecutive tiles of one thread share rows of A.
        void Tile(int t)
        {
            int i0 = t / colTiles * RowTile, j0 = t % colTiles * colTile;
            int i1 = Math.Min(i0 + RowTile, o.M), j1 = Math.Min(j0 + colTile, o.N);
            if (transposed) MultiplyTransposedTile<TV>(o, i0, i1, j0, j1);
            else MultiplyTile<TV>(o, i0, i1, j0, j1);
        }

        if (threads == 1 || tiles == 1 || (long)o.M * o.N * o.K < ParallelThreshold)
        {
            for (var t = 0; t < tiles; t++) Tile(t);
            return;
        }
        Parallel.For(0, tiles, new ParallelOptions { MaxDegreeOfParallelism = threads }, Tile);
    }

    // ---- C = A·Bᵀ: every output is a dot product of two contiguous rows. ----

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyTransposedTile<TV>(in Operands o, int i0, int i1, int j0, int j1) where TV : struct, IFloatVector<TV>
    {
        int k = o.K, n = o.N;
        var i = i0;
        for (; i + 4 <= i1; i += 4)
        {
            var j = j0;
            for (; j + 3 <= j1; j += 3)
                Dot4x3<TV>(o.A + (long)i * k, o.B + (long)j * k, k, o.C + (long)i * n + j, n);
            for (var r = 0; r < 4; r++)
                for (var q = j; q < j1; q++)
                    o.C[(long)(i + r) * n + q] = Dot1<TV>(o.A + (long)(i + r) * k, o.B + (long)q * k, k);
        }
        for (; i < i1; i++)
        {
            var j = j0;
            for (; j + 4 <= j1; j += 4)
                Dot1x4<TV>(o.A + (long)i * k, o.B + (long)j * k, k, o.C + (long)i * n + j);
            for (; j < j1; j++)
                o.C[(long)i * n + j] = Dot1<TV>(o.A + (long)i * k, o.B + (long)j * k, k);
        }
    }

    /// <summary>
    /// A 4×3 block of C from 4 rows of A and 3 rows of Bᵀ: 12 accumulators, 7 loads per 12 multiply-adds.
    /// 12 + 3 + 1 vectors fit the 16 registers of AVX2 (a 4×4 block would spill there).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot4x3<TV>(float* a, float* b, int k, float* c, int ldc) where TV : struct, IFloatVector<TV>
    {
        TV c00 = default, c01 = default, c02 = default, c10 = default, c11 = default, c12 = default;
        TV c20 = default, c21 = default, c22 = default, c30 = default, c31 = default, c32 = default;
        float* a1 = a + k, a2 = a1 + k, a3 = a2 + k, b1 = b + k, b2 = b1 + k;
        var p = 0;
        for (; p + TV.Lanes <= k; p += TV.Lanes)
        {
            TV y0 = TV.Load(b + p), y1 = TV.Load(b1 + p), y2 = TV.Load(b2 + p);
            var x = TV.Load(a + p);
            c00 = TV.MultiplyAdd(x, y0, c00); c01 = TV.MultiplyAdd(x, y1, c01); c02 = TV.MultiplyAdd(x, y2, c02);
            x = TV.Load(a1 + p);
            c10 = TV.MultiplyAdd(x, y0, c10); c11 = TV.MultiplyAdd(x, y1, c11); c12 = TV.MultiplyAdd(x, y2, c12);
            x = TV.Load(a2 + p);
            c20 = TV.MultiplyAdd(x, y0, c20); c21 = TV.MultiplyAdd(x, y1, c21); c22 = TV.MultiplyAdd(x, y2, c22);
            x = TV.Load(a3 + p);
            c30 = TV.MultiplyAdd(x, y0, c30); c31 = TV.MultiplyAdd(x, y1, c31); c32 = TV.MultiplyAdd(x, y2, c32);
        }
        var sums = stackalloc float[12]
        {
            TV.Sum(c00), TV.Sum(c01), TV.Sum(c02), TV.Sum(c10), TV.Sum(c11), TV.Sum(c12),
            TV.Sum(c20), TV.Sum(c21), TV.Sum(c22), TV.Sum(c30), TV.Sum(c31), TV.Sum(c32),
        };
        for (var r = 0; r < 4; r++)
        {
            for (var q = 0; q < 3; q++)
            {
                var s = sums[r * 3 + q];
                for (var t = p; t < k; t++) s += a[(long)r * k + t] * b[(long)q * k + t];
                c[(long)r * ldc + q] = s;
            }
        }
    }

    /// <summary>One row of A against 4 rows of Bᵀ (the matrix-vector case of decoding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot1x4<TV>(float* a, float* b, int k, float* c) where TV : struct, IFloatVector<TV>
    {
        TV c0 = default, c1 = default, c2 = default, c3 = default;
        float* b1 = b + k, b2 = b1 + k, b3 = b2 + k;
        var p = 0;
        for (; p + TV.Lanes <= k; p += TV.Lanes)
        {
            var x = TV.Load(a + p);
            c0 = TV.MultiplyAdd(x, TV.Load(b + p), c0);
            c1 = TV.MultiplyAdd(x, TV.Load(b1 + p), c1);
            c2 = TV.MultiplyAdd(x, TV.Load(b2 + p), c2);
            c3 = TV.MultiplyAdd(x, TV.Load(b3 + p), c3);
        }
        float s0 = TV.Sum(c0), s1 = TV.Sum(c1), s2 = TV.Sum(c2), s3 = TV.Sum(c3);
        for (; p < k; p++)
        {
            s0 += a[p] * b[p]; s1 += a[p] * b1[p]; s2 += a[p] * b2[p]; s3 += a[p] * b3[p];
        }
        c[0] = s0; c[1] = s1; c[2] = s2; c[3] = s3;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Dot1<TV>(float* a, float* b, int k) where TV : struct, IFloatVector<TV>
    {
        TV acc = default;
        var p = 0;
        for (; p + TV.Lanes <= k; p += TV.Lanes)
            acc = TV.MultiplyAdd(TV.Load(a + p), TV.Load(b + p), acc);
        var s = TV.Sum(acc);
        for (; p < k; p++) s += a[p] * b[p];
        return s;
    }

    // ---- C = A·B: rows of C are built from broadcast A entries times contiguous rows of B. ----

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyTile<TV>(in Operands o, int i0, int i1, int j0, int j1) where TV : struct, IFloatVector<TV>
    {
        var width = 2 * TV.Lanes;
        var jBlocked = j0 + (j1 - j0) / width * width;
        if (jBlocked > j0 && i1 - i0 < 4)
        {
            // Few rows (decoding): each B element is used once per row, so read B in place; packing would double the traffic.
            for (var i = i0; i < i1; i++)
                for (var j = j0; j < jBlocked; j += width)
                    Outer1xPanel<TV>(o, o.B + j, o.N, i, j);
        }
        else if (jBlocked > j0)
        {
            // B's rows are n floats apart; read down a column stripe they alias in cache when n is a power of two.
            // Copying the [k, 2 vectors] stripe into a contiguous panel makes the micro-kernel's reads sequential.
            var panel = ArrayPool<float>.Shared.Rent(o.K * width);
            try
            {
                fixed (float* packed = panel)
                {
                    for (var j = j0; j < jBlocked; j += width)
                    {
                        for (var p = 0; p < o.K; p++)
                            new ReadOnlySpan<float>(o.B + (long)p * o.N + j, width).CopyTo(new Span<float>(packed + (long)p * width, width));
                        var i = i0;
                        for (; i + 4 <= i1; i += 4) Outer4xPanel<TV>(o, packed, i, j);
                        for (; i < i1; i++) Outer1xPanel<TV>(o, packed, width, i, j);
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(panel);
            }
        }
        if (jBlocked < j1) AxpyRows(o, i0, i1, jBlocked, j1);
    }

    /// <summary>C[i..i+4, j..j+2 vectors] from a packed [k, 2 vectors] panel of B: 8 accumulators; per step of k, 2 loads and 4 broadcasts feed 8 multiply-adds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Outer4xPanel<TV>(in Operands o, float* panel, int i, int j) where TV : struct, IFloatVector<TV>
    {
        int k = o.K, n = o.N, lanes = TV.Lanes;
        float* a0 = o.A + (long)i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        float* b = panel;
        TV c00 = default, c01 = default, c10 = default, c11 = default;
        TV c20 = default, c21 = default, c30 = default, c31 = default;
        for (var p = 0; p < k; p++, b += 2 * lanes)
        {
            TV y0 = TV.Load(b), y1 = TV.Load(b + lanes);
            var x = TV.Broadcast(a0[p]);
            c00 = TV.MultiplyAdd(x, y0, c00); c01 = TV.MultiplyAdd(x, y1, c01);
            x = TV.Broadcast(a1[p]);
            c10 = TV.MultiplyAdd(x, y0, c10); c11 = TV.MultiplyAdd(x, y1, c11);
            x = TV.Broadcast(a2[p]);
            c20 = TV.MultiplyAdd(x, y0, c20); c21 = TV.MultiplyAdd(x, y1, c21);
            x = TV.Broadcast(a3[p]);
            c30 = TV.MultiplyAdd(x, y0, c30); c31 = TV.MultiplyAdd(x, y1, c31);
        }
        var c = o.C + (long)i * n + j;
        c00.Store(c); c01.Store(c + lanes); c += n;
        c10.Store(c); c11.Store(c + lanes); c += n;
        c20.Store(c); c21.Store(c + lanes); c += n;
        c30.Store(c); c31.Store(c + lanes);
    }

    /// <summary>C[i, j..j+2 vectors] from columns of B whose rows are <paramref name="stride"/> floats apart (a packed panel or B itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Outer1xPanel<TV>(in Operands o, float* b, int stride, int i, int j) where TV : struct, IFloatVector<TV>
    {
        int k = o.K, lanes = TV.Lanes;
        float* a = o.A + (long)i * k;
        TV c0 = default, c1 = default;
        for (var p = 0; p < k; p++, b += stride)
        {
            var x = TV.Broadcast(a[p]);
            c0 = TV.MultiplyAdd(x, TV.Load(b), c0);
            c1 = TV.MultiplyAdd(x, TV.Load(b + lanes), c1);
        }
        var c = o.C + (long)i * o.N + j;
        c0.Store(c); c1.Store(c + lanes);
    }

    /// <summary>Column tails narrower than a panel: C row segment += A[i,p] · B row segment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AxpyRows(in Operands o, int i0, int i1, int j0, int j1)
    {
        var width = j1 - j0;
        for (var i = i0; i < i1; i++)
        {
            var cRow = new Span<float>(o.C + (long)i * o.N + j0, width);
            cRow.Clear();
            for (var p = 0; p < o.K; p++)
            {
                var bRow = new ReadOnlySpan<float>(o.B + (long)p * o.N + j0, width);
                TensorPrimitives.MultiplyAdd(bRow, o.A[(long)i * o.K + p], cRow, cRow);
            }
        }
    }
}
