namespace GraphRag.Statistics;

/// <summary>Input checks shared by every test, so bad input fails early with a message that names the argument.</summary>
internal static class Guard
{
    public static void Sample(ReadOnlySpan<double> values, string name, int minimum = 1)
    {
        if (values.Length < minimum)
        {
            throw new ArgumentException(values.Length == 0
                ? $"Sample '{name}' is empty."
                : $"Sample '{name}' has {values.Length} observation(s); this method needs at least {minimum}.", name);
        }
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"Sample '{name}' holds {values[i]} at index {i}; only finite numbers are allowed.", name);
        }
    }

    public static void SameLength(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"Paired samples must have the same length (a has {a.Length}, b has {b.Length}).");
    }

    public static void Count(long k, long n, string kName = "k", string nName = "n")
    {
        if (n <= 0)
            throw new ArgumentException($"The number of trials {nName} must be positive (got {n}).", nName);
        if (k < 0)
            throw new ArgumentException($"The count {kName} cannot be negative (got {k}).", kName);
        if (k > n)
            throw new ArgumentException($"The count {kName} = {k} exceeds the number of trials {nName} = {n}.", kName);
    }

    public static void Probability(double p, string name, bool openInterval = true)
    {
        var ok = openInterval ? p > 0 && p < 1 : p >= 0 && p <= 1;
        if (!ok || double.IsNaN(p))
            throw new ArgumentException($"{name} must lie in {(openInterval ? "(0, 1)" : "[0, 1]")} (got {p}).", name);
    }

    public static void ConfidenceLevel(double level) => Probability(level, "confidence level");

    public static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentException($"{name} must be a positive finite number (got {value}).", name);
    }

    public static void Iterations(int iterations)
    {
        if (iterations < 1)
            throw new ArgumentException($"The number of iterations must be positive (got {iterations}).", nameof(iterations));
    }
}
