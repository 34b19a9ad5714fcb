namespace GraphRag.Statistics.Tests;

/// <summary>The samples every reference value in these tests was computed on (the same vectors in R).</summary>
internal static class Data
{
    // R: x <- c(5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3, 6.1); y <- c(4.4, 5.0, 4.8, 5.2, 4.6, 5.1, 4.7)
    public static readonly double[] X = [5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3, 6.1];
    public static readonly double[] Y = [4.4, 5.0, 4.8, 5.2, 4.6, 5.1, 4.7];
    // R: b <- c(4.8, 5.0, 5.6, 5.1, 5.9, 5.0, 5.4, 5.5)  (paired with x)
    public static readonly double[] B = [4.8, 5.0, 5.6, 5.1, 5.9, 5.0, 5.4, 5.5];
    // R: y2 <- c(4.4, 5.05, 4.8, 5.2, 4.6, 5.15, 4.7)  (no ties with x, so the exact test applies)
    public static readonly double[] Y2 = [4.4, 5.05, 4.8, 5.2, 4.6, 5.15, 4.7];
    // R: xt <- c(1,2,2,3,3,3,4,5); yt <- c(2,3,4,4,5,5,6,7)
    public static readonly double[] XTies = [1, 2, 2, 3, 3, 3, 4, 5];
    public static readonly double[] YTies = [2, 3, 4, 4, 5, 5, 6, 7];
    // R: a <- c(12, 15, 9, 20, 17, 11, 14, 18, 16, 10); b <- a - c(3, -1, 4, 7, 2, 9, -6, 5, 8, 11)
    public static readonly double[] PairA = [12, 15, 9, 20, 17, 11, 14, 18, 16, 10];
    public static readonly double[] PairB = [9, 16, 5, 13, 15, 2, 20, 13, 8, -1];

    /// <summary>Relative closeness, for values that span many orders of magnitude (tiny p-values).</summary>
    public static void Close(double expected, double actual, double relative = 1e-9)
    {
        var tolerance = relative * Math.Abs(expected);
        Assert.True(Math.Abs(expected - actual) <= tolerance,
            $"expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):E2} > {relative:E1})");
    }

    public static double[] Repeat(params (double Value, int Count)[] runs) =>
        runs.SelectMany(r => Enumerable.Repeat(r.Value, r.Count)).ToArray();
}
