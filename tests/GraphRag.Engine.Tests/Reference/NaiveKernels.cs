using GraphRag.Engine.Kernels;

namespace GraphRag.Engine.Tests.Reference;

/// <summary>
/// Plain loop implementations of every kernel, accumulating in double: the yardstick the SIMD,
/// tiled and parallel kernels are checked against.
/// </summary>
public static class NaiveKernels
{
    public static double[] Multiply(float[] a, float[] b, int m, int k, int n)
    {
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                double s = 0;
                for (var p = 0; p < k; p++) s += (double)a[i * k + p] * b[p * n + j];
                c[i * n + j] = s;
            }
        return c;
    }

    /// <summary>[rows, cols] → [cols, rows].</summary>
    public static float[] Transpose(float[] x, int rows, int cols)
    {
        var transposed = new float[x.Length];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
                transposed[c * rows + r] = x[r * cols + c];
        return transposed;
    }

    public static double[] LayerNorm(float[] x, float[] gamma, float[] beta, double eps, int rows, int dim)
    {
        var y = new double[x.Length];
        for (var r = 0; r < rows; r++)
        {
            double mean = 0, variance = 0;
            for (var d = 0; d < dim; d++) mean += x[r * dim + d];
            mean /= dim;
            for (var d = 0; d < dim; d++) variance += Math.Pow(x[r * dim + d] - mean, 2);
            variance /= dim;
            for (var d = 0; d < dim; d++) y[r * dim + d] = (x[r * dim + d] - mean) / Math.Sqrt(variance + eps) * gamma[d] + beta[d];
        }
        return y;
    }

    public static double[] RmsNorm(float[] x, float[] weight, double eps, int rows, int dim)
    {
        var y = new double[x.Length];
        for (var r = 0; r < rows; r++)
        {
            double meanSquare = 0;
            for (var d = 0; d < dim; d++) meanSquare += (double)x[r * dim + d] * x[r * dim + d];
            meanSquare /= dim;
            for (var d = 0; d < dim; d++) y[r * dim + d] = x[r * dim + d] / Math.Sqrt(meanSquare + eps) * weight[d];
        }
        return y;
    }

    public static double[] Softmax(float[] row)
    {
        var max = row.Max();
        var e = row.Select(v => Math.Exp((double)v - max)).ToArray();
        var sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    /// <summary>erf by its Maclaurin series, in double; accurate to ~1e-13 on [−4, 4].</summary>
    public static double ErfSeries(double x)
    {
        double sum = 0, term = x;
        for (var n = 0; n < 200; n++)
        {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
            if (Math.Abs(term) < 1e-18) break;
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }

    /// <summary>Attention with the full score matrix, masks applied as −∞, softmax in double.</summary>
    public static double[] Attention(float[] q, float[] k, float[] v, AttentionShape s)
    {
        int d = s.HeadDim, qw = s.Heads * d, kvw = s.KvHeads * d;
        var scale = s.Scale ?? 1.0 / Math.Sqrt(d);
        var valid = Math.Min(s.KeyValidLength ?? s.KeyLength, s.KeyLength);
        var output = new double[s.QueryLength * qw];
        for (var h = 0; h < s.Heads; h++)
        {
            var kvh = h / (s.Heads / s.KvHeads);
            for (var i = 0; i < s.QueryLength; i++)
            {
                var scores = new double[s.KeyLength];
                for (var j = 0; j < s.KeyLength; j++)
                {
                    var visible = j < valid && (!s.Causal || j <= s.KeyLength - s.QueryLength + i);
                    if (!visible) { scores[j] = double.NegativeInfinity; continue; }
                    double dot = 0;
                    for (var t = 0; t < d; t++) dot += (double)q[i * qw + h * d + t] * k[j * kvw + kvh * d + t];
                    scores[j] = dot * scale;
                }
                var max = scores.Length == 0 ? double.NegativeInfinity : scores.Max();
                if (double.IsNegativeInfinity(max)) continue; // nothing visible: zero row
                var weights = scores.Select(x => Math.Exp(x - max)).ToArray();
                var sum = weights.Sum();
                for (var j = 0; j < s.KeyLength; j++)
                    for (var t = 0; t < d; t++)
                        output[i * qw + h * d + t] += weights[j] / sum * v[j * kvw + kvh * d + t];
            }
        }
        return output;
    }
}
