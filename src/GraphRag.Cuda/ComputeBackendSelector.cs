using GraphRag.Cuda.Interop;
using Microsoft.Extensions.Logging;

namespace GraphRag.Cuda;

/// <summary>Where tensor work runs.</summary>
public enum ComputeBackend
{
    Cpu,
    Cuda,
}

/// <summary>What the user asked for: Auto takes CUDA when a device is present, the CPU otherwise.</summary>
public enum ComputeBackendPreference
{
    Auto,
    Cpu,
    Cuda,
}

/// <summary>The backend chosen and why, in words fit for a log line.</summary>
public sealed record ComputeBackendChoice(ComputeBackend Backend, string Reason);

/// <summary>Chooses the compute backend at run time and logs the choice with its reason. The CPU is the fallback.</summary>
public static class ComputeBackendSelector
{
    /// <summary>Reports whether CUDA is usable, and why not.</summary>
    public delegate bool CudaProbe(out string reason);

    public static ComputeBackendChoice Select(ComputeBackendPreference preference, ILogger logger)
        => Select(preference, logger, CudaRuntime.TryInitialize);

    public static ComputeBackendChoice Select(ComputeBackendPreference preference, ILogger logger, CudaProbe probe)
    {
        ComputeBackendChoice choice;
        if (preference == ComputeBackendPreference.Cpu)
            choice = new ComputeBackendChoice(ComputeBackend.Cpu, "CPU requested");
        else if (probe(out var reason))
            choice = new ComputeBackendChoice(ComputeBackend.Cuda, reason);
        else
            choice = new ComputeBackendChoice(ComputeBackend.Cpu, reason);

        if (preference == ComputeBackendPreference.Cuda && choice.Backend == ComputeBackend.Cpu)
            logger.LogWarning("Compute backend: CUDA was requested but is unavailable, using the CPU ({Reason})", choice.Reason);
        else
            logger.LogInformation("Compute backend: {Backend} ({Reason})", choice.Backend, choice.Reason);
        return choice;
    }
}
