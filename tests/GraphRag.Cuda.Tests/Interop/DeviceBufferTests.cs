using GraphRag.Cuda.Emulation;
using GraphRag.Cuda.Interop;
using GraphRag.Engine.Kernels;

namespace GraphRag.Cuda.Tests.Interop;

/// <summary>Host buffers (the CPU emulation's stand-in for device memory): views, copies, and the guard against CUDA kernels.</summary>
public sealed class DeviceBufferTests
{
    [Fact]
    public void HostBuffer_SlicesShareMemoryAndRoundTrip()
    {
        using var buffer = DeviceBuffer.From<float>([1f, 2f, 3f, 4f, 5f], host: true);
        var view = buffer.Floats(2, 2);
        view.Upload<float>([30f, 40f]);

        Assert.Equal([1f, 2f, 30f, 40f, 5f], buffer.ToArray<float>(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Floats(4, 2));
    }

    [Fact]
    public void HostBuffer_IsRejectedByTheCudaKernels()
    {
        using var host = DeviceBuffer.AllocateHost(64 * 16 * sizeof(float));
        var shape = new AttentionShape(16, 16, 4, 16);
        var ex = Assert.Throws<ArgumentException>(() => CudaKernels.AttentionPrefill(host, host, host, host, shape, InputPrecision.Float32));
        Assert.Contains("host buffer", ex.Message);
    }
}
