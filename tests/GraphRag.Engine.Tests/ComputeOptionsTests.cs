using System.Runtime.Intrinsics;
using GraphRag.Engine.Kernels.Simd;

namespace GraphRag.Engine.Tests;

public sealed class ComputeOptionsTests
{
    [Fact]
    public void Defaults_are_one_thread_per_core_and_the_widest_vectors_the_cpu_accelerates()
    {
        // Expected: the CPU's own report through .NET (the same flags the runtime uses to accelerate each width).
        var expected = Vector512.IsHardwareAccelerated ? SimdWidth.Bits512
            : Vector256.IsHardwareAccelerated ? SimdWidth.Bits256
            : Vector128.IsHardwareAccelerated ? SimdWidth.Bits128 : SimdWidth.Scalar;
        Assert.Equal(expected, ComputeOptions.Default.Width);
        Assert.Equal(Environment.ProcessorCount, ComputeOptions.Default.Threads);
        Assert.Equal(expected, SimdWidths.Accelerated[^1]);
    }

    [Fact]
    public void An_explicit_thread_count_overrides_the_default_and_null_keeps_it()
    {
        Assert.Equal(3, ComputeOptions.WithThreads(3).Threads);
        Assert.Same(ComputeOptions.Default, ComputeOptions.WithThreads(null));
    }

    [Fact]
    public void Fewer_than_one_thread_is_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ComputeOptions { Threads = 0 });
        Assert.Equal("Threads", error.ParamName);
    }
}
