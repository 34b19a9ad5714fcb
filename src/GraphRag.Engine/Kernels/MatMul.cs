using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GraphRag.Engine.Kernels;

/// <summary>
/// Matrix products of row-major float32 matrices, cache-tiled, register-blocked with Vector512
/// (TensorPrimitives on machines without it), and spread over cores when the product is large enough.
/// </summary>
/// <remarks>
/// The inner kernels are compiled fully optimised on first call (AggressiveOptimization): tier-0 code of
/// Vector512 loops runs an order of magnitude slower, and a model calls each shape only a few times.
/// Layouts: A is [m, k] (row i at a[i*k..]), B is [k, n], Bᵀ is [n, k] (the Linear weight layout
/// [out, in]), C is [m, n]. C is overwritten, never accumulated into.
/// </remarks>
public static unsafe class MatMul
{
    /// <summary>Products under this many multiply-adds stay on the calling thread.</summary>
    private const long ParallelThreshold = 1 << 18;

    /// <summary>Rows of A per tile (a multiple of the 4-row micro-kernel).</summary>
    private const int RowTile = 32;

    /// <summary>Columns of C per tile (a multiple of 4 and of the 32-column micro-kernel).</summary>
    private const int ColTile = 64;

    private const int Lanes = 16;

    /// <summary>C[m,n] = A[m,k] · B[k,n].</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, int? maxDegreeOfParallelism = null)
    {
        Validate(a, b, c, m, k, n, nameof(b));
        fixed (float* pa = a, pb = b, pc = c)
        {
            var operands = new Operands(pa, pb, pc, m, k, n);
            RunTiles(operands, maxDegreeOfParallelism, static (in Operands o, int i0, int i1, int j0, int j1) => MultiplyTile(o, i0, i1, j0, j1));
        }
    }

    /// <summary>C[m,n] = A[m,k] · Bᵀ where <paramref name="bT"/> is [n,k] (each row of bT is one output column).</summary>
    public static void MultiplyTransposed(ReadOnlySpan<float> a, ReadOnlySpan<float> bT, Span<float> c, int m, int k, int n, int? maxDegreeOfParallelism = null)
    {
        Validate(a, bT, c, m, k, n, nameof(bT));
        fixed (float* pa = a, pb = bT, pc = c)
        {
            var operands = new Operands(pa, pb, pc, m, k, n);
            RunTiles(operands, maxDegreeOfParallelism, static (in Operands o, int i0, int i1, int j0, int j1) => MultiplyTransposedTile(o, i0, i1, j0, j1));
        }
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

    private delegate void TileKernel(in Operands o, int i0, int i1, int j0, int j1);

    private static void RunTiles(Operands o, int? maxDegreeOfParallelism, TileKernel kernel)
    {
        if (o.M == 0 || o.N == 0) return;
        var rowTiles = (o.M + RowTile - 1) / RowTile;
        var colTiles = (o.N + ColTile - 1) / ColTile;
        var tiles = rowTiles * colTiles;
        var threads = EngineOptions.Resolve(maxDegreeOfParallelism);

        // Column tiles vary fastest so that consecutive tiles of one thread share rows of A.
        void Tile(int t)
        {
            var i0 = t / colTiles * RowTile;
            var j0 = t % colTiles * ColTile;
            kernel(o, i0, Math.Min(i0 + RowTile, o.M), j0, Math.Min(j0 + ColTile, o.N));
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
    private static void MultiplyTransposedTile(in Operands o, int i0, int i1, int j0, int j1)
    {
        int k = o.K, n = o.N;
        var blocked = Vector512.IsHardwareAccelerated;
        var i = i0;
        for (; blocked && i + 4 <= i1; i += 4)
        {
            var j = j0;
            for (; j + 4 <= j1; j += 4)
                Dot4x4(o.A + (long)i * k, o.B + (long)j * k, k, o.C + (long)i * n + j, n);
            for (var r = 0; r < 4; r++)
                DotRange(o, i + r, j, j1);
        }
        for (; i < i1; i++)
        {
            var j = j0;
            for (; blocked && j + 4 <= j1; j += 4)
                Dot1x4(o.A + (long)i * k, o.B + (long)j * k, k, o.C + (long)i * n + j);
            DotRange(o, i, j, j1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DotRange(in Operands o, int row, int j0, int j1)
    {
        var aRow = new ReadOnlySpan<float>(o.A + (long)row * o.K, o.K);
        for (var j = j0; j < j1; j++)
            o.C[(long)row * o.N + j] = TensorPrimitives.Dot(aRow, new ReadOnlySpan<float>(o.B + (long)j * o.K, o.K));
    }

    /// <summary>A 4×4 block of C from 4 rows of A and 4 rows of Bᵀ: 16 accumulators, 8 loads per 16 FMAs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot4x4(float* a, float* b, int k, float* c, int ldc)
    {
        Vector512<float> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector512<float> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<float> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector512<float> c30 = default, c31 = default, c32 = default, c33 = default;
        float* a1 = a + k, a2 = a1 + k, a3 = a2 + k;
        float* b1 = b + k, b2 = b1 + k, b3 = b2 + k;
        var p = 0;
        for (; p + Lanes <= k; p += Lanes)
        {
            var x0 = Vector512.Load(a + p);
            var x1 = Vector512.Load(a1 + p);
            var x2 = Vector512.Load(a2 + p);
            var x3 = Vector512.Load(a3 + p);
            var y = Vector512.Load(b + p);
            c00 = Vector512.FusedMultiplyAdd(x0, y, c00); c10 = Vector512.FusedMultiplyAdd(x1, y, c10);
            c20 = Vector512.FusedMultiplyAdd(x2, y, c20); c30 = Vector512.FusedMultiplyAdd(x3, y, c30);
            y = Vector512.Load(b1 + p);
            c01 = Vector512.FusedMultiplyAdd(x0, y, c01); c11 = Vector512.FusedMultiplyAdd(x1, y, c11);
            c21 = Vector512.FusedMultiplyAdd(x2, y, c21); c31 = Vector512.FusedMultiplyAdd(x3, y, c31);
            y = Vector512.Load(b2 + p);
            c02 = Vector512.FusedMultiplyAdd(x0, y, c02); c12 = Vector512.FusedMultiplyAdd(x1, y, c12);
            c22 = Vector512.FusedMultiplyAdd(x2, y, c22); c32 = Vector512.FusedMultiplyAdd(x3, y, c32);
            y = Vector512.Load(b3 + p);
            c03 = Vector512.FusedMultiplyAdd(x0, y, c03); c13 = Vector512.FusedMultiplyAdd(x1, y, c13);
            c23 = Vector512.FusedMultiplyAdd(x2, y, c23); c33 = Vector512.FusedMultiplyAdd(x3, y, c33);
        }
        var sums = stackalloc float[16]
        {
            Vector512.Sum(c00), Vector512.Sum(c01), Vector512.Sum(c02), Vector512.Sum(c03),
            Vector512.Sum(c10), Vector512.Sum(c11), Vector512.Sum(c12), Vector512.Sum(c13),
            Vector512.Sum(c20), Vector512.Sum(c21), Vector512.Sum(c22), Vector512.Sum(c23),
            Vector512.Sum(c30), Vector512.Sum(c31), Vector512.Sum(c32), Vector512.Sum(c33),
        };
        for (var r = 0; r < 4; r++)
        {
            for (var q = 0; q < 4; q++)
            {
                var s = sums[r * 4 + q];
                for (var t = p; t < k; t++) s += a[(long)r * k + t] * b[(long)q * k + t];
                c[(long)r * ldc + q] = s;
            }
        }
    }

    /// <summary>One row of A against 4 rows of Bᵀ (the matrix-vector case of decoding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot1x4(float* a, float* b, int k, float* c)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        float* b1 = b + k, b2 = b1 + k, b3 = b2 + k;
        var p = 0;
        for (; p + Lanes <= k; p += Lanes)
        {
            var x = Vector512.Load(a + p);
            c0 = Vector512.FusedMultiplyAdd(x, Vector512.Load(b + p), c0);
            c1 = Vector512.FusedMultiplyAdd(x, Vector512.Load(b1 + p), c1);
            c2 = Vector512.FusedMultiplyAdd(x, Vector512.Load(b2 + p), c2);
            c3 = Vector512.FusedMultiplyAdd(x, Vector512.Load(b3 + p), c3);
        }
        float s0 = Vector512.Sum(c0), s1 = Vector512.Sum(c1), s2 = Vector512.Sum(c2), s3 = Vector512.Sum(c3);
        for (; p < k; p++)
        {
            s0 += a[p] * b[p]; s1 += a[p] * b1[p]; s2 += a[p] * b2[p]; s3 += a[p] * b3[p];
        }
        c[0] = s0; c[1] = s1; c[2] = s2; c[3] = s3;
    }

    // ---- C = A·B: rows of C are built from broadcast A entries times contiguous rows of B. ----

    private const int Width = 2 * Lanes;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyTile(in Operands o, int i0, int i1, int j0, int j1)
    {
        var jBlocked = Vector512.IsHardwareAccelerated ? j0 + (j1 - j0) / Width * Width : j0;
        if (jBlocked > j0 && i1 - i0 < 4)
        {
            // Few rows (decoding): each B element is used once per row, so read B in place; packing would double the traffic.
            for (var i = i0; i < i1; i++)
                for (var j = j0; j < jBlocked; j += Width)
                    Outer1x32(o, o.B + j, o.N, i, j);
        }
        else if (jBlocked > j0)
        {
            // B's rows are n floats apart; read down a column stripe they alias in cache when n is a power of two.
            // Copying the [k, 32] stripe into a contiguous panel makes the micro-kernel's reads sequential.
            var panel = ArrayPool<float>.Shared.Rent(o.K * Width);
            try
            {
                fixed (float* packed = panel)
                {
                    for (var j = j0; j < jBlocked; j += Width)
                    {
                        for (var p = 0; p < o.K; p++)
                            new ReadOnlySpan<float>(o.B + (long)p * o.N + j, Width).CopyTo(new Span<float>(packed + (long)p * Width, Width));
                        var i = i0;
                        for (; i + 4 <= i1; i += 4) Outer4x32(o, packed, i, j);
                        for (; i < i1; i++) Outer1x32(o, packed, Width, i, j);
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

    /// <summary>C[i..i+4, j..j+32] from a packed [k, 32] panel of B: 8 accumulators; per step of k, 2 loads and 4 broadcasts feed 8 FMAs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Outer4x32(in Operands o, float* panel, int i, int j)
    {
        int k = o.K, n = o.N;
        float* a0 = o.A + (long)i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        float* b = panel;
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        for (var p = 0; p < k; p++, b += Width)
        {
            var y0 = Vector512.Load(b);
            var y1 = Vector512.Load(b + Lanes);
            var x = Vector512.Create(a0[p]);
            c00 = Vector512.FusedMultiplyAdd(x, y0, c00); c01 = Vector512.FusedMultiplyAdd(x, y1, c01);
            x = Vector512.Create(a1[p]);
            c10 = Vector512.FusedMultiplyAdd(x, y0, c10); c11 = Vector512.FusedMultiplyAdd(x, y1, c11);
            x = Vector512.Create(a2[p]);
            c20 = Vector512.FusedMultiplyAdd(x, y0, c20); c21 = Vector512.FusedMultiplyAdd(x, y1, c21);
            x = Vector512.Create(a3[p]);
            c30 = Vector512.FusedMultiplyAdd(x, y0, c30); c31 = Vector512.FusedMultiplyAdd(x, y1, c31);
        }
        var c = o.C + (long)i * n + j;
        c00.Store(c); c01.Store(c + Lanes); c += n;
        c10.Store(c); c11.Store(c + Lanes); c += n;
        c20.Store(c); c21.Store(c + Lanes); c += n;
        c30.Store(c); c31.Store(c + Lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    /// <summary>C[i, j..j+32] from 32 columns of B whose rows are <paramref name="stride"/> floats apart (a packed panel or B itself).</summary>
    private static void Outer1x32(in Operands o, float* b, int stride, int i, int j)
    {
        int k = o.K, n = o.N;
        float* a = o.A + (long)i * k;
        Vector512<float> c0 = default, c1 = default;
        for (var p = 0; p < k; p++, b += stride)
        {
            var x = Vector512.Create(a[p]);
            c0 = Vector512.FusedMultiplyAdd(x, Vector512.Load(b), c0);
            c1 = Vector512.FusedMultiplyAdd(x, Vector512.Load(b + Lanes), c1);
        }
        var c = o.C + (long)i * n + j;
        c0.Store(c); c1.Store(c + Lanes);
    }

    /// <summary>Column tails, tiles of fewer than 4 rows, and machines without Vector512: C row segment += A[i,p] · B row segment, by TensorPrimitives.</summary>
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
