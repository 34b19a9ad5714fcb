using System.Numerics.Tensors;
using GraphRag.Engine.Kernels;
using GraphRag.Engine.Tensors;

namespace GraphRag.Embeddings.Bert;

/// <summary>
/// BERT's forward pass on GraphRag.Engine's kernels. The sequences of a batch are packed: every per-token
/// step runs on the rows of all sequences at once ([tokens, hidden]), and attention runs per sequence over
/// its own tokens, which is exactly what the padding mask computes in a padded batch (ONNX Runtime's way).
/// <code>
/// x = LN(E_word[id] + E_pos[p] + E_type[0])
/// for each layer:
///   a = softmax(Q·Kᵀ/√d)·V per head, with Q, K, V = x·Wq + bq, x·Wk + bk, x·Wv + bv
///   x = LN(x + a·Wo + bo)
///   x = LN(x + GELU(x·W1 + b1)·W2 + b2)
/// vector = pool(x) / ‖pool(x)‖     (pool: the [CLS] row, or the mean of the rows)
/// </code>
/// With [CLS] pooling, the last layer computes its queries, attention output and feed-forward for the
/// [CLS] rows only (keys and values still cover every token): the other rows would be thrown away.
/// </summary>
internal sealed class EngineBertRuntime(BertWeights weights, int threads) : IBertRuntime
{
    public int Dimensions => weights.Hidden;

    public int MaxPositions => weights.MaxPositions;

    public float[][] Embed(IReadOnlyList<int[]> sequences, BertPooling pooling)
    {
        if (sequences.Count == 0) return [];
        var offsets = new int[sequences.Count + 1];
        for (var s = 0; s < sequences.Count; s++) offsets[s + 1] = offsets[s] + sequences[s].Length;
        var clsOffsets = Enumerable.Range(0, sequences.Count + 1).ToArray();

        var x = EmbedTokens(sequences, offsets);
        try
        {
            for (var l = 0; l < weights.Layers.Length; l++)
            {
                var clsOnly = pooling == BertPooling.Cls && l == weights.Layers.Length - 1;
                var next = Layer(weights.Layers[l], x, offsets, clsOnly ? clsOffsets : offsets);
                x.Dispose();
                x = next;
            }
            var dim = weights.Hidden;
            var result = new float[sequences.Count][];
            for (var s = 0; s < sequences.Count; s++)
            {
                var rows = pooling == BertPooling.Cls ? s..(s + 1) : offsets[s]..offsets[s + 1];
                result[s] = SentencePooling.Pool(x.Span[(rows.Start.Value * dim)..(rows.End.Value * dim)], rows.End.Value - rows.Start.Value, dim, pooling);
            }
            return result;
        }
        finally
        {
            x.Dispose();
        }
    }

    /// <summary>x[t] = LN(word[id] + position[p] + type[0]) for every token t of every sequence.</summary>
    private TensorBuffer EmbedTokens(IReadOnlyList<int[]> sequences, int[] offsets)
    {
        var dim = weights.Hidden;
        var x = TensorBuffer.Allocate(offsets[^1], dim);
        for (var s = 0; s < sequences.Count; s++)
        {
            if (sequences[s].Length > weights.MaxPositions)
                throw new ArgumentException($"Sequence {s} has {sequences[s].Length} tokens; the model reads at most {weights.MaxPositions}.", nameof(sequences));
            for (var p = 0; p < sequences[s].Length; p++)
            {
                var id = sequences[s][p];
                if ((uint)id >= (uint)weights.VocabularySize)
                    throw new ArgumentOutOfRangeException(nameof(sequences), $"Token id {id} is outside the embedding table (0..{weights.VocabularySize - 1}).");
                var row = x.Row(offsets[s] + p);
                TensorPrimitives.Add(weights.WordEmbeddings.AsSpan(id * dim, dim), weights.PositionEmbeddings.AsSpan(p * dim, dim), row);
                TensorPrimitives.Add(row, weights.TokenTypeEmbedding, row);
            }
        }
        var norm = weights.EmbeddingNorm;
        Normalization.LayerNorm(x.Span, norm.Scale, norm.Bias, weights.LayerNormEpsilon, x.Rows, dim);
        return x;
    }

    /// <summary>
    /// One post-LN transformer layer. Keys and values come from every row of <paramref name="x"/>; outputs are
    /// computed for the query rows only: all rows (<paramref name="queryOffsets"/> = <paramref name="offsets"/>),
    /// or one [CLS] row per sequence. Sequence s's query rows are queryOffsets[s]..queryOffsets[s+1].
    /// </summary>
    private TensorBuffer Layer(BertWeights.Layer layer, TensorBuffer x, int[] offsets, int[] queryOffsets)
    {
        var dim = weights.Hidden;
        var tokens = offsets[^1];
        var queries = queryOffsets[^1];
        var allRows = ReferenceEquals(queryOffsets, offsets);

        using var k = TensorBuffer.Allocate(tokens, dim);
        using var v = TensorBuffer.Allocate(tokens, dim);
        layer.Key.Forward(x.Span, k.Span, tokens, maxDegreeOfParallelism: threads);
        layer.Value.Forward(x.Span, v.Span, tokens, maxDegreeOfParallelism: threads);

        // The residual stream of the query rows: x itself, or its [CLS] rows gathered.
        var stream = TensorBuffer.Allocate(queries, dim);
        try
        {
            if (allRows) x.Span.CopyTo(stream.Span);
            else
                for (var s = 0; s < offsets.Length - 1; s++) x.Row(offsets[s]).CopyTo(stream.Row(s));

            using var q = TensorBuffer.Allocate(queries, dim);
            layer.Query.Forward(stream.Span, q.Span, queries, maxDegreeOfParallelism: threads);
            using var attended = TensorBuffer.Allocate(queries, dim);
            Attend(q, k, v, attended, offsets, queryOffsets);

            layer.AttentionOutput.Forward(attended.Span, stream.Span, queries, PackedLinear.Epilogue.AddResidual, stream.Span, threads);
            Normalization.LayerNorm(stream.Span, layer.AttentionNorm.Scale, layer.AttentionNorm.Bias, weights.LayerNormEpsilon, queries, dim);

            using var up = TensorBuffer.Allocate(queries, weights.Intermediate);
            layer.FeedForwardUp.Forward(stream.Span, up.Span, queries, PackedLinear.Epilogue.Gelu, maxDegreeOfParallelism: threads);
            layer.FeedForwardDown.Forward(up.Span, stream.Span, queries, PackedLinear.Epilogue.AddResidual, stream.Span, threads);
            Normalization.LayerNorm(stream.Span, layer.OutputNorm.Scale, layer.OutputNorm.Bias, weights.LayerNormEpsilon, queries, dim);
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Multi-head attention of each sequence's query rows over that sequence's keys (no mask needed: no padding).</summary>
    private void Attend(TensorBuffer q, TensorBuffer k, TensorBuffer v, TensorBuffer output, int[] offsets, int[] queryOffsets) =>
        PackedSequenceAttention.Compute(q.Span, k.Span, v.Span, output.Span, queryOffsets, offsets, weights.Heads, weights.HeadDim,
            1f / MathF.Sqrt(weights.HeadDim), threads);

    public void Dispose()
    {
        // Nothing to release: the weights are managed arrays.
    }
}
