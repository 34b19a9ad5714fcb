using System.Numerics.Tensors;

namespace GraphRag.Engine.Kernels;

/// <summary>Row-wise normalisations of a row-major [rows, dim] matrix.</summary>
public static class Normalization
{
    /// <summary>
    /// Layer normalisation in place: each row becomes (x − mean) / √(var + eps) · gamma + beta,
    /// with the biased (population) variance. gamma and beta have length <paramref name="dim"/>.
    /// </summary>
    public static void LayerNorm(Span<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float eps, int rows, int dim)
        => LayerNorm(x, x, gamma, beta, eps, rows, dim);

    /// <summary>Layer normalisation from <paramref name="source"/> into <paramref name="destination"/> (may be the same span).</summary>
    public static void LayerNorm(ReadOnlySpan<float> source, Span<float> destination, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float eps, int rows, int dim)
    {
        CheckShapes(source, destination, rows, dim);
        CheckVector(gamma, dim, nameof(gamma));
        CheckVector(beta, dim, nameof(beta));
        for (var r = 0; r < rows; r++)
        {
            var src = source.Slice(r * dim, dim);
            var dst = destination.Slice(r * dim, dim);
            var mean = TensorPrimitives.Sum(src) / dim;
            TensorPrimitives.Subtract(src, mean, dst);
            var variance = TensorPrimitives.SumOfSquares(dst) / dim;
            TensorPrimitives.Multiply(dst, 1f / MathF.Sqrt(variance + eps), dst);
            TensorPrimitives.MultiplyAdd(dst, gamma, beta, dst);
        }
    }

    /// <summary>RMS normalisation in place: each row becomes x / √(mean(x²) + eps) · weight.</summary>
    public static void RmsNorm(Span<float> x, ReadOnlySpan<float> weight, float eps, int rows, int dim)
        => RmsNorm(x, x, weight, eps, rows, dim);

    /// <summary>RMS normalisation from <paramref name="source"/> into <paramref name="destination"/> (may be the same span).</summary>
    public static void RmsNorm(ReadOnlySpan<float> source, Span<float> destination, ReadOnlySpan<float> weight, float eps, int rows, int dim)
    {
        CheckShapes(source, destination, rows, dim);
        CheckVector(weight, dim, nameof(weight));
        for (var r = 0; r < rows; r++)
        {
            var src = source.Slice(r * dim, dim);
            var dst = destination.Slice(r * dim, dim);
            var meanSquare = TensorPrimitives.SumOfSquares(src) / dim;
            TensorPrimitives.Multiply(src, 1f / MathF.Sqrt(meanSquare + eps), dst);
            TensorPrimitives.Multiply(dst, weight, dst);
        }
    }

    private static void CheckShapes(ReadOnlySpan<float> source, Span<float> destination, int rows, int dim)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(dim, 1);
        if (source.Length < (long)rows * dim) throw new ArgumentException($"Input needs {(long)rows * dim} elements for [{rows},{dim}] but has {source.Length}.", nameof(source));
        if (destination.Length < (long)rows * dim) throw new ArgumentException($"Output needs {(long)rows * dim} elements for [{rows},{dim}] but has {destination.Length}.", nameof(destination));
    }

    private static void CheckVector(ReadOnlySpan<float> vector, int dim, string name)
    {
        if (vector.Length != dim) throw new ArgumentException($"{name} has {vector.Length} elements; the rows have {dim}.", name);
    }
}
