namespace GraphRag.Engine;

/// <summary>Process-wide knobs of the engine's kernels.</summary>
public static class EngineOptions
{
    private static int _maxThreads = Environment.ProcessorCount;

    /// <summary>
    /// How many threads a kernel may use when it does not get an explicit degree of parallelism
    /// (default: all cores). Benchmarks set it to compare 1 and 2 threads.
    /// </summary>
    public static int MaxThreads
    {
        get => _maxThreads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxThreads = value;
        }
    }

    /// <summary>The degree of parallelism to use: an explicit request, or <see cref="MaxThreads"/>.</summary>
    public static int Resolve(int? maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism is { } requested)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(requested, 1, nameof(maxDegreeOfParallelism));
            return requested;
        }
        return _maxThreads;
    }
}
