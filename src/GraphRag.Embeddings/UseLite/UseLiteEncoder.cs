using System.Numerics.Tensors;
using GraphRag.Engine;
using GraphRag.Engine.Kernels;
using GraphRag.Engine.Tensors;

namespace GraphRag.Embeddings.UseLite;

/// <summary>
/// The forward pass of USE lite, reconstructed from its TF.js graph. The sequences of a batch are
/// packed: every per-token step runs on all tokens of all sequences at once ([tokens, dim] rows),
/// and attention runs per sequence over its own tokens only, which is exactly what the graph's
/// padding mask (−1e9 bias on pad keys, gather/scatter of valid tokens) computes.
/// <code>
/// x   = 2·E[id] + [sin(p·f) | cos(p·f)]          (the graph adds the embedding twice)
/// r   = x·Wr + br                                  layer 0: residual projection 256 → 512
/// for each layer l (dims 256 then 512, 4 heads):
///   h = r + MHA(LN(x))           (layer 0's residual is r; layer 1's is x itself)
///   x = h + W2·relu(W1·LN(h) + b1) + b2
/// u   = tanh(mean over tokens(x) · Wt + bt);  out = u / √max(Σu², 1e-12)
/// </code>
/// </summary>
public sealed class UseLiteEncoder(UseLiteWeights weights)
{
    public int OutputDim => weights.OutputDim;

    public int MaxLength => weights.MaxLength;

    /// <summary>Embeds each token sequence (already truncated to <see cref="MaxLength"/>) into a unit vector.</summary>
    public float[][] Encode(IReadOnlyList<int[]> sequences, int? maxDegreeOfParallelism = null)
    {
        var threads = ComputeOptions.WithThreads(maxDegreeOfParallelism).Threads;
        var offsets = new int[sequences.Count + 1];
        for (var s = 0; s < sequences.Count; s++) offsets[s + 1] = offsets[s] + sequences[s].Length;
        var tokens = offsets[^1];

        using var x = EmbedTokens(sequences, offsets);
        using var residual = TensorBuffer.Allocate(tokens, weights.ResidualProjection.OutputDim);
        Linear(x.Span, tokens, weights.ResidualProjection, residual.Span, threads);

        var stream = x;
        for (var l = 0; l < weights.Layers.Length; l++)
        {
            var layer = weights.Layers[l];
            var hidden = TensorBuffer.Allocate(tokens, layer.AttentionOutput.OutputDim);
            try
            {
                SelfAttention(stream.Span, tokens, offsets, layer, hidden.Span, threads);
                TensorPrimitives.Add(hidden.Span, l == 0 ? residual.Span : stream.Span, hidden.Span);
                FeedForward(hidden.Span, tokens, layer, threads);
            }
            catch
            {
                hidden.Dispose();
                throw;
            }
            if (stream != x) stream.Dispose();
            stream = hidden;
        }

        try
        {
            return Pool(stream, sequences.Count, offsets, threads);
        }
        finally
        {
            if (stream != x) stream.Dispose();
        }
    }

    /// <summary>Token embeddings (twice, as the graph adds them to their own timing-signal sum) plus the sinusoid of each position.</summary>
    private TensorBuffer EmbedTokens(IReadOnlyList<int[]> sequences, int[] offsets)
    {
        var table = weights.TokenEmbeddings;
        var dim = table.Columns;
        var half = dim / 2;
        var x = TensorBuffer.Allocate(offsets[^1], dim);
        for (var s = 0; s < sequences.Count; s++)
        {
            for (var p = 0; p < sequences[s].Length; p++)
            {
                var id = sequences[s][p];
                if ((uint)id >= (uint)table.Rows) throw new ArgumentOutOfRangeException(nameof(sequences), $"Token id {id} is outside the embedding table (0..{table.Rows - 1}).");
                var row = x.Row(offsets[s] + p);
                var embedding = table.Data.AsSpan(id * dim, dim);
                for (var i = 0; i < half; i++)
                {
                    var angle = p * weights.InverseTimescales[i]; // float32 product, as the graph computes it
                    row[i] = MathF.Sin(angle);
                    row[half + i] = MathF.Cos(angle);
                }
                TensorPrimitives.Add(embedding, row, row);
                TensorPrimitives.Add(embedding, row, row);
            }
        }
        return x;
    }

    /// <summary>output[tokens, out] = MHA(LN(x)) · Wo + bo, attention within each sequence.</summary>
    private void SelfAttention(Span<float> x, int tokens, int[] offsets, UseLiteWeights.LayerWeights layer, Span<float> output, int threads)
    {
        var dim = layer.Dim;
        using var normed = TensorBuffer.Allocate(tokens, dim);
        Normalization.LayerNorm(x, normed.Span, layer.AttentionNormScale, layer.AttentionNormBias, weights.LayerNormEpsilon, tokens, dim);

        using var qkv = TensorBuffer.Allocate(tokens, 3 * dim);
        Linear(normed.Span, tokens, layer.Qkv, qkv.Span, threads);

        // Split [tokens, 3·dim] into token-major Q, K, V, each [tokens, heads·headDim].
        using var q = TensorBuffer.Allocate(tokens, dim);
        using var k = TensorBuffer.Allocate(tokens, dim);
        using var v = TensorBuffer.Allocate(tokens, dim);
        for (var t = 0; t < tokens; t++)
        {
            var row = qkv.Row(t);
            row[..dim].CopyTo(q.Row(t));
            row.Slice(dim, dim).CopyTo(k.Row(t));
            row.Slice(2 * dim, dim).CopyTo(v.Row(t));
        }

        using var attended = TensorBuffer.Allocate(tokens, dim);
        var headDim = dim / weights.Heads;
        var sequences = offsets.Length - 1;
        var qs = q; var ks = k; var vs = v; var outs = attended;
        void AttendSequence(int s)
        {
            var start = offsets[s];
            var length = offsets[s + 1] - start;
            if (length == 0) return;
            var shape = new AttentionShape(length, length, weights.Heads, headDim) { Scale = layer.AttentionScale };
            var range = (start * dim)..((start + length) * dim);
            Attention.Compute(qs.Span[range], ks.Span[range], vs.Span[range], outs.Span[range], shape,
                sequences == 1 ? threads : 1);
        }
        if (sequences == 1 || threads == 1)
            for (var s = 0; s < sequences; s++) AttendSequence(s);
        else
            Parallel.For(0, sequences, new ParallelOptions { MaxDegreeOfParallelism = threads }, AttendSequence);

        Linear(attended.Span, tokens, layer.AttentionOutput, output, threads);
    }

    /// <summary>h += W2·relu(W1·LN(h) + b1) + b2, in place.</summary>
    private void FeedForward(Span<float> h, int tokens, UseLiteWeights.LayerWeights layer, int threads)
    {
        var dim = layer.FeedForwardUp.InputDim;
        using var normed = TensorBuffer.Allocate(tokens, dim);
        Normalization.LayerNorm(h, normed.Span, layer.FeedForwardNormScale, layer.FeedForwardNormBias, weights.LayerNormEpsilon, tokens, dim);
        using var up = TensorBuffer.Allocate(tokens, layer.FeedForwardUp.OutputDim);
        Linear(normed.Span, tokens, layer.FeedForwardUp, up.Span, threads);
        Activations.Relu(up.Span);
        using var down = TensorBuffer.Allocate(tokens, dim);
        Linear(up.Span, tokens, layer.FeedForwardDown, down.Span, threads);
        TensorPrimitives.Add(h, down.Span, h);
    }

    /// <summary>Mean over each sequence's tokens, the tanh layer, then L2 normalisation.</summary>
    private float[][] Pool(TensorBuffer x, int count, int[] offsets, int threads)
    {
        var dim = x.Columns;
        using var pooled = TensorBuffer.Allocate(count, dim);
        for (var s = 0; s < count; s++)
        {
            var row = pooled.Row(s);
            for (var t = offsets[s]; t < offsets[s + 1]; t++) TensorPrimitives.Add(row, x.Row(t), row);
            TensorPrimitives.Divide(row, Math.Max(offsets[s + 1] - offsets[s], 1), row);
        }

        using var projected = TensorBuffer.Allocate(count, weights.OutputDim);
        Linear(pooled.Span, count, weights.Output, projected.Span, threads);
        Activations.Tanh(projected.Span);

        var result = new float[count][];
        for (var s = 0; s < count; s++)
        {
            var row = projected.Row(s);
            var scale = 1f / MathF.Sqrt(Math.Max(TensorPrimitives.SumOfSquares(row), weights.NormEpsilon));
            result[s] = new float[row.Length];
            TensorPrimitives.Multiply(row, scale, result[s]);
        }
        return result;
    }

    /// <summary>y[rows, out] = x[rows, in] · Weightᵀ + Bias.</summary>
    private static void Linear(ReadOnlySpan<float> x, int rows, UseLiteWeights.Dense layer, Span<float> y, int threads)
    {
        MatMul.MultiplyTransposed(x, layer.Weight, y, rows, layer.InputDim, layer.OutputDim, threads);
        for (var r = 0; r < rows; r++)
        {
            var row = y.Slice(r * layer.OutputDim, layer.OutputDim);
            TensorPrimitives.Add(row, layer.Bias, row);
        }
    }
}
