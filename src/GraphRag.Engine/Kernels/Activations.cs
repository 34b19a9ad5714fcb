using System.Numerics.Tensors;

namespace GraphRag.Engine.Kernels;

/// <summary>Element-wise activation functions, applied in place.</summary>
public static class Activations
{
    /// <summary>Elements per chunk when an activation needs a scratch buffer on the stack.</summary>
    private const int Chunk = 256;

    /// <summary>max(x, 0).</summary>
    public static void Relu(Span<float> x) => TensorPrimitives.Max(x, 0f, x);

    /// <summary>tanh(x).</summary>
    public static void Tanh(Span<float> x) => TensorPrimitives.Tanh(x, x);

    /// <summary>SiLU (swish): x · sigmoid(x).</summary>
    public static void Silu(Span<float> x)
    {
        Span<float> sigmoid = stackalloc float[Chunk];
        for (var start = 0; start < x.Length; start += Chunk)
        {
            var part = x.Slice(start, Math.Min(Chunk, x.Length - start));
            var s = sigmoid[..part.Length];
            TensorPrimitives.Sigmoid(part, s);
            TensorPrimitives.Multiply(part, s, part);
        }
    }

    /// <summary>Exact GELU: x · Φ(x) = 0.5 · x · (1 + erf(x / √2)) (BERT, the original GELU).</summary>
    public static void Gelu(Span<float> x)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            x[i] = 0.5f * v * (1f + (float)Erf(v * 0.7071067811865476));
        }
    }

    /// <summary>GELU, tanh approximation: 0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³))) (GPT-2's "gelu_new").</summary>
    public static void GeluTanh(Span<float> x)
    {
        const float sqrtTwoOverPi = 0.7978845608028654f;
        Span<float> inner = stackalloc float[Chunk];
        for (var start = 0; start < x.Length; start += Chunk)
        {
            var part = x.Slice(start, Math.Min(Chunk, x.Length - start));
            var t = inner[..part.Length];
            TensorPrimitives.Multiply(part, part, t);                          // x²
            TensorPrimitives.Multiply(t, 0.044715f, t);
            TensorPrimitives.Add(t, 1f, t);                                    // 1 + 0.044715 x²
            TensorPrimitives.Multiply(t, part, t);                             // x + 0.044715 x³
            TensorPrimitives.Multiply(t, sqrtTwoOverPi, t);
            TensorPrimitives.Tanh(t, t);
            TensorPrimitives.Add(t, 1f, t);
            TensorPrimitives.Multiply(t, part, t);
            TensorPrimitives.Multiply(t, 0.5f, part);
        }
    }

    /// <summary>
    /// erf(x) in double precision (|error| &lt; 1.2e-7 relative, Numerical Recipes' erfc Chebyshev fit),
    /// far below float32 resolution; .NET has no Math.Erf.
    /// </summary>
    internal static double Erf(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + 0.5 * z);
        var erfc = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
            t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 +
            t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1.0 - erfc : erfc - 1.0;
    }
}
