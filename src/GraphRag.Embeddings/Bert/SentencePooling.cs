using System.Numerics.Tensors;

namespace GraphRag.Embeddings.Bert;

/// <summary>The sentence vector of one sequence from its last hidden states ([length, dim] rows, padding excluded), L2-normalised.</summary>
internal static class SentencePooling
{
    /// <summary>sentence-transformers' Normalize: x / max(‖x‖, 1e-12).</summary>
    private const float NormFloor = 1e-12f;

    public static float[] Pool(ReadOnlySpan<float> hidden, int length, int dim, BertPooling pooling)
    {
        var vector = new float[dim];
        if (pooling == BertPooling.Cls)
        {
            hidden[..dim].CopyTo(vector);
        }
        else
        {
            for (var t = 0; t < length; t++) TensorPrimitives.Add(vector, hidden.Slice(t * dim, dim), vector);
            TensorPrimitives.Divide(vector, Math.Max(length, 1), vector);
        }
        TensorPrimitives.Divide(vector, Math.Max(TensorPrimitives.Norm(vector), NormFloor), vector);
        return vector;
    }
}
