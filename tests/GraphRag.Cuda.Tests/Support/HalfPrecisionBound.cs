using GraphRag.Cuda.Emulation;

namespace GraphRag.Cuda.Tests.Support;

/// <summary>
/// Worst-case error bounds for the 16-bit attention paths, derived from the data rather than tuned.
/// u is the unit roundoff: 2^-11 for float16 (10 fraction bits), 2^-8 for bfloat16 (7 fraction bits).
/// </summary>
public static class HalfPrecisionBound
{
    /// <summary>Slack for the float32 accumulation itself (the fixtures' float32-vs-float64 column is ≤ 1e-5).</summary>
    private const double Float32Slack = 1e-5;

    public static double UnitRoundoff(InputPrecision precision) => precision switch
    {
        InputPrecision.Float16 => Math.Pow(2, -11),
        InputPrecision.BFloat16 => Math.Pow(2, -8),
        _ => 0,
    };

    /// <summary>
    /// Against a reference computed from the same rounded inputs only P's rounding to the input type differs:
    /// |Σ (fl(p_j) − p_j) v_j| / l ≤ u · Σ p_j |v_j| / l ≤ u · max|v|.
    /// </summary>
    public static double RoundedInputs(float[] v, InputPrecision precision)
        => UnitRoundoff(precision) * MaxAbs(v) + Float32Slack;

    /// <summary>
    /// Against a reference on the unrounded inputs: rounding q and k moves each score by at most
    /// δ = scale · (2u + u²) · max_ij Σ_x |q_ix k_jx|, which scales every softmax weight by a factor in
    /// [e^-2δ, e^2δ], so Σ|Δp| ≤ e^2δ − 1; rounding v and P add u · max|v| each.
    /// </summary>
    public static double UnroundedInputs(float[] q, float[] k, float[] v, int heads, int kvHeads, int d, float scale, InputPrecision precision)
    {
        var u = UnitRoundoff(precision);
        int group = heads / kvHeads, queries = q.Length / (heads * d), keys = k.Length / (kvHeads * d);
        var maxAbsDot = 0.0;
        for (var h = 0; h < heads; h++)
            for (var i = 0; i < queries; i++)
                for (var j = 0; j < keys; j++)
                {
                    double dot = 0;
                    for (var x = 0; x < d; x++) dot += Math.Abs((double)q[(i * heads + h) * d + x] * k[(j * kvHeads + h / group) * d + x]);
                    maxAbsDot = Math.Max(maxAbsDot, dot);
                }
        var delta = scale * (2 * u + u * u) * maxAbsDot;
        var maxV = MaxAbs(v);
        return maxV * (Math.Exp(2 * delta) - 1) + 2 * u * maxV + Float32Slack;
    }

    private static double MaxAbs(float[] values) => values.Max(x => Math.Abs((double)x));
}
