using System.Diagnostics;

namespace GraphRag.Bench;

/// <summary>Repeats an operation and reports latency percentiles; a warm-up run is discarded.</summary>
public static class Measure
{
    public sealed record Latency(double MeanMs, double P50Ms, double P95Ms, int Runs);

    public static Latency Repeat(int runs, Action action)
    {
        action();
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        return new Latency(samples.Average(), Percentile(samples, 0.50), Percentile(samples, 0.95), runs);
    }

    /// <summary>Seconds for one run of <paramref name="action"/>, best of <paramref name="runs"/>.</summary>
    public static double BestSeconds(int runs, Action action)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return best;
    }

    /// <summary>
    /// Seconds of CPU the calling thread used for one run of <paramref name="action"/>, best of <paramref name="runs"/>.
    /// For single-threaded work on a shared machine: time spent waiting for a core is not counted, as wall time would.
    /// </summary>
    public static double BestThreadCpuSeconds(int runs, Action action)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var start = ThreadCpuSeconds();
            action();
            best = Math.Min(best, ThreadCpuSeconds() - start);
        }
        return best;
    }

    /// <summary>CPU seconds the calling thread has used (clock_gettime CLOCK_THREAD_CPUTIME_ID).</summary>
    public static double ThreadCpuSeconds()
    {
        const int threadCpuClock = 3;
        if (ClockGetTime(threadCpuClock, out var time) != 0)
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        return time.Seconds + time.Nanoseconds * 1e-9;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
