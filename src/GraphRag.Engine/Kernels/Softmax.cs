using System.Numerics.Tensors;

namespace GraphRag.Engine.Kernels;

/// <summary>Numerically stable softmax.</summary>
public static class Softmax
{
    /// <summary>
    /// Softmax of one row in place. The row maximum is subtracted before exponentiating, so large
    /// scores do not overflow; −∞ entries become 0. An empty row is left as is.
    /// </summary>
    public static void Apply(Span<float> row)
    {
        if (row.IsEmpty) return;
        var max = TensorPrimitives.Max(row);
        TensorPrimitives.Subtract(row, max, row);
        TensorPrimitives.Exp(row, row);
        TensorPrimitives.Divide(row, TensorPrimitives.Sum(row), row);
    }

    /// <summary>Softmax of each row of a row-major [rows, dim] matrix in place.</summary>
    public static void ApplyRows(Span<float> x, int rows, int dim)
    {
        if (x.Length < (long)rows * dim) throw new ArgumentException($"Input needs {(long)rows * dim} elements for [{rows},{dim}] but has {x.Length}.", nameof(x));
        for (var r = 0; r < rows; r++) Apply(x.Slice(r * dim, dim));
    }
}
