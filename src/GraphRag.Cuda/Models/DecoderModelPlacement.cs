using GraphRag.Cuda.Emulation;
using GraphRag.Generation.Models;
using Microsoft.Extensions.Logging;

namespace GraphRag.Cuda.Models;

/// <summary>
/// Puts a loaded CPU model where <see cref="ComputeBackendSelector"/> says: on the GPU as a <see cref="CudaLlamaModel"/>
/// when CUDA is chosen and the model can run there, otherwise unchanged on the CPU, with a log line saying why.
/// </summary>
public static class DecoderModelPlacement
{
    public static IDecoderModel Place(IDecoderModel model, ComputeBackendPreference preference, ILogger logger)
        => Place(model, preference, logger, Interop.CudaRuntime.TryInitialize);

    public static IDecoderModel Place(IDecoderModel model, ComputeBackendPreference preference, ILogger logger, ComputeBackendSelector.CudaProbe probe)
    {
        var choice = ComputeBackendSelector.Select(preference, logger, probe);
        if (choice.Backend == ComputeBackend.Cpu) return model;

        var unsupported = model switch
        {
            LlamaModel llama when !TilingConstants.IsSupportedHeadDim(llama.Config.HeadDim) => $"head dimension {llama.Config.HeadDim} has no CUDA attention kernel",
            LlamaModel => null,
            _ => $"the CUDA decoder runs Llama-family models, not {model.Config.Architecture}",
        };
        if (unsupported is not null)
        {
            logger.LogWarning("Model stays on the CPU: {Reason}", unsupported);
            return model;
        }
        var cpu = (LlamaModel)model;
        return CudaLlamaModel.Upload(cpu.Config, cpu.Weights, hostWeights: cpu);
    }
}
