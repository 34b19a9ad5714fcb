using GraphRag.Cuda.Interop;
using GraphRag.Cuda.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GraphRag.Cuda.Tests;

public sealed class ComputeBackendSelectorTests
{
    private static ComputeBackendSelector.CudaProbe Unavailable(string why) => (out string reason) => { reason = why; return false; };

    private static ComputeBackendSelector.CudaProbe Available(string what) => (out string reason) => { reason = what; return true; };

    [Fact]
    public void Auto_WithoutDevice_ChoosesCpuAndLogsWhy()
    {
        var logger = new ListLogger();
        var choice = ComputeBackendSelector.Select(ComputeBackendPreference.Auto, logger, Unavailable("no CUDA device: libcuda not found"));

        Assert.Equal(ComputeBackend.Cpu, choice.Backend);
        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("Compute backend: Cpu (no CUDA device: libcuda not found)", line.Message);
    }

    [Fact]
    public void Auto_WithDevice_ChoosesCuda()
    {
        var logger = new ListLogger();
        var choice = ComputeBackendSelector.Select(ComputeBackendPreference.Auto, logger, Available("CUDA device 0 of 1: H100"));

        Assert.Equal(ComputeBackend.Cuda, choice.Backend);
        Assert.Contains("Cuda (CUDA device 0 of 1: H100)", Assert.Single(logger.Lines).Message);
    }

    [Fact]
    public void Cpu_IsChosenWithoutProbing()
    {
        var probed = false;
        ComputeBackendSelector.CudaProbe probe = (out string reason) => { probed = true; reason = "device"; return true; };

        var choice = ComputeBackendSelector.Select(ComputeBackendPreference.Cpu, new ListLogger(), probe);

        Assert.Equal(ComputeBackend.Cpu, choice.Backend);
        Assert.False(probed);
    }

    [Fact]
    public void CudaRequested_ButUnavailable_FallsBackWithAWarning()
    {
        var logger = new ListLogger();
        var choice = ComputeBackendSelector.Select(ComputeBackendPreference.Cuda, logger, Unavailable("library not built: ..."));

        Assert.Equal(ComputeBackend.Cpu, choice.Backend);
        Assert.Equal(LogLevel.Warning, Assert.Single(logger.Lines).Level);
    }

    [Fact]
    public void RealProbe_AgreesWithTheRuntime()
    {
        var available = CudaRuntime.TryInitialize(out var reason);
        var choice = ComputeBackendSelector.Select(ComputeBackendPreference.Auto, new ListLogger());

        Assert.Equal(available ? ComputeBackend.Cuda : ComputeBackend.Cpu, choice.Backend);
        Assert.Equal(reason, choice.Reason);
    }
}
