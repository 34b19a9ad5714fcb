using GraphRag.Cuda;
using GraphRag.Cuda.Models;
using GraphRag.Generation.Models;
using GraphRag.Generation.Clients;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphRag.Cli;

/// <summary>
/// Runs a loaded decoder on the GPU when GraphRag:Generator:Backend allows it (auto, the default,
/// picks CUDA only when a device and the native library are there) and logs which backend was
/// chosen and why.
/// </summary>
public static class ComputePlacement
{
    public static IDecoderModel Place(IServiceProvider services, IDecoderModel model)
    {
        var backend = services.GetRequiredService<IOptions<GeneratorOptions>>().Value.Backend;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("GraphRag.Compute");
        return DecoderModelPlacement.Place(model, Preference(backend), logger);
    }

    public static ComputeBackendPreference Preference(string? setting) => setting?.ToLowerInvariant() switch
    {
        null or "" or "auto" => ComputeBackendPreference.Auto,
        "cpu" => ComputeBackendPreference.Cpu,
        "cuda" or "gpu" => ComputeBackendPreference.Cuda,
        _ => throw new ArgumentException($"GraphRag:Generator:Backend is '{setting}'; use auto, cpu or cuda."),
    };
}
