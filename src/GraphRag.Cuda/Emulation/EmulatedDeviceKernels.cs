using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using GraphRag.Cuda.Interop;
using GraphRag.Engine.Kernels;
using GraphRag.Engine.Kernels.Quantized;
using GraphRag.Generation.Gguf;

namespace GraphRag.Cuda.Emulation;

/// <summary>
/// <see cref="IDeviceKernels"/> on the CPU over host buffers: attention through <see cref="TiledAttentionEmulator"/>
/// (the kernels' tiling and online softmax), the rest through the engine's CPU kernels, which compute what the
/// native ones compute. Runs <see cref="Models.CudaLlamaModel"/>'s orchestration (buffer views, KV cache slots,
/// prefill/decode switch) on machines without a GPU.
/// </summary>
public sealed class EmulatedDeviceKernels : IDeviceKernels
{
    public static EmulatedDeviceKernels Instance { get; } = new();

    public DeviceBuffer Allocate(long bytes) => DeviceBuffer.AllocateHost(bytes);

    public DeviceBuffer From<T>(ReadOnlySpan<T> values) where T : unmanaged => DeviceBuffer.From(values, host: true);

    public void RmsNorm(DeviceBuffer output, DeviceBuffer x, DeviceBuffer weight, int rows, int n, float eps)
        => Normalization.RmsNorm(x.HostFloats((long)rows * n), output.HostFloats((long)rows * n), weight.HostFloats(n), eps, rows, n);

    public void Rope(DeviceBuffer x, int tokens, int heads, int headDim, int rotaryDims, int startPosition, float theta, RopeStyle style)
        => Engine.Kernels.Rope.Apply(x.HostFloats((long)tokens * heads * headDim), tokens, heads, headDim, startPosition, theta, style, rotaryDims);

    public void SwiGlu(DeviceBuffer output, DeviceBuffer gate, DeviceBuffer up, int n)
    {
        Span<float> o = output.HostFloats(n), g = gate.HostFloats(n), u = up.HostFloats(n);
        for (var i = 0; i < n; i++) o[i] = g[i] / (1f + MathF.Exp(-g[i])) * u[i];
    }

    public void Add(DeviceBuffer output, DeviceBuffer a, DeviceBuffer b, int n) => TensorPrimitives.Add(a.HostFloats(n), b.HostFloats(n), output.HostFloats(n));

    public void MatVec(GgmlType type, DeviceBuffer output, DeviceBuffer weight, DeviceBuffer x, int rows, int cols)
    {
        var rowBytes = type switch
        {
            GgmlType.F32 => cols * 4,
            GgmlType.F16 => cols * 2,
            GgmlType.Q8_0 => cols / Q8_0Format.BlockValues * Q8_0Format.BlockBytes,
            _ => throw new ArgumentException($"No matrix-vector kernel for {type}.", nameof(type)),
        };
        var w = weight.HostBytes();
        ReadOnlySpan<float> input = x.HostFloats(cols);
        var y = output.HostFloats(rows);
        for (var r = 0; r < rows; r++)
        {
            var row = w.Slice(r * rowBytes, rowBytes);
            y[r] = type switch
            {
                GgmlType.F32 => TensorPrimitives.Dot(MemoryMarshal.Cast<byte, float>(row), input),
                GgmlType.F16 => F16Format.Dot(row, input),
                _ => Q8_0Format.Dot(row, input),
            };
        }
    }

    public void AttentionPrefill(DeviceBuffer q, DeviceBuffer k, DeviceBuffer v, DeviceBuffer output, AttentionShape shape, InputPrecision precision)
    {
        RequireFloat32(precision);
        long qCount = (long)shape.QueryLength * shape.Heads * shape.HeadDim, kvCount = (long)shape.KeyLength * shape.KvHeads * shape.HeadDim;
        TiledAttentionEmulator.Prefill(q.HostFloats(qCount), k.HostFloats(kvCount), v.HostFloats(kvCount), output.HostFloats(qCount), shape, precision);
    }

    public long AttentionDecodeWorkspaceFloats(AttentionShape shape)
        => (long)shape.Heads * TilingConstants.DecodeSplits(shape.KeyLength) * (shape.HeadDim + 2);

    public void AttentionDecode(DeviceBuffer q, DeviceBuffer kCache, DeviceBuffer vCache, DeviceBuffer output, DeviceBuffer workspace,
        AttentionShape shape, InputPrecision precision)
    {
        RequireFloat32(precision);
        long qCount = (long)shape.Heads * shape.HeadDim, kvCount = (long)shape.KeyLength * shape.KvHeads * shape.HeadDim;
        TiledAttentionEmulator.Decode(q.HostFloats(qCount), kCache.HostFloats(kvCount), vCache.HostFloats(kvCount), output.HostFloats(qCount), shape, precision);
    }

    // Host buffers hold float32 activations; 16-bit inputs are emulated by TiledAttentionEmulator's precision argument directly.
    private static void RequireFloat32(InputPrecision precision)
    {
        if (precision != InputPrecision.Float32)
            throw new ArgumentException("Emulated device buffers hold float32 values; call TiledAttentionEmulator with a precision to emulate 16-bit inputs.", nameof(precision));
    }
}
