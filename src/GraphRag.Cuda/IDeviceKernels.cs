using GraphRag.Cuda.Emulation;
using GraphRag.Cuda.Interop;
using GraphRag.Engine.Kernels;
using GraphRag.Generation.Gguf;

namespace GraphRag.Cuda;

/// <summary>
/// The operations a forward pass on the device is made of, over <see cref="DeviceBuffer"/>s. Two implementations:
/// <see cref="CudaDeviceKernels"/> (the native kernels) and <see cref="EmulatedDeviceKernels"/> (the same
/// algorithms on the CPU over host buffers), so the GPU model's orchestration is exercised without a GPU.
/// </summary>
public interface IDeviceKernels
{
    DeviceBuffer Allocate(long bytes);

    DeviceBuffer From<T>(ReadOnlySpan<T> values) where T : unmanaged;

    /// <summary>output, x [rows, n]; weight [n].</summary>
    void RmsNorm(DeviceBuffer output, DeviceBuffer x, DeviceBuffer weight, int rows, int n, float eps);

    /// <summary>In place on x [tokens, heads·headDim].</summary>
    void Rope(DeviceBuffer x, int tokens, int heads, int headDim, int rotaryDims, int startPosition, float theta, RopeStyle style);

    /// <summary>output = silu(gate) ⊙ up, [n]; output may be gate.</summary>
    void SwiGlu(DeviceBuffer output, DeviceBuffer gate, DeviceBuffer up, int n);

    /// <summary>output = a + b, [n]; output may be a.</summary>
    void Add(DeviceBuffer output, DeviceBuffer a, DeviceBuffer b, int n);

    /// <summary>output [rows] = W [rows, cols] of <paramref name="type"/> (F32, F16 or Q8_0) · x [cols].</summary>
    void MatVec(GgmlType type, DeviceBuffer output, DeviceBuffer weight, DeviceBuffer x, int rows, int cols);

    void AttentionPrefill(DeviceBuffer q, DeviceBuffer k, DeviceBuffer v, DeviceBuffer output, AttentionShape shape, InputPrecision precision);

    long AttentionDecodeWorkspaceFloats(AttentionShape shape);

    void AttentionDecode(DeviceBuffer q, DeviceBuffer kCache, DeviceBuffer vCache, DeviceBuffer output, DeviceBuffer workspace,
        AttentionShape shape, InputPrecision precision);
}

/// <summary>The native CUDA kernels (<see cref="CudaKernels"/>) behind <see cref="IDeviceKernels"/>.</summary>
public sealed class CudaDeviceKernels : IDeviceKernels
{
    public static CudaDeviceKernels Instance { get; } = new();

    public DeviceBuffer Allocate(long bytes) => DeviceBuffer.Allocate(bytes);

    public DeviceBuffer From<T>(ReadOnlySpan<T> values) where T : unmanaged => DeviceBuffer.From(values);

    public void RmsNorm(DeviceBuffer output, DeviceBuffer x, DeviceBuffer weight, int rows, int n, float eps) => CudaKernels.RmsNorm(output, x, weight, rows, n, eps);

    public void Rope(DeviceBuffer x, int tokens, int heads, int headDim, int rotaryDims, int startPosition, float theta, RopeStyle style)
        => CudaKernels.Rope(x, tokens, heads, headDim, rotaryDims, startPosition, theta, style);

    public void SwiGlu(DeviceBuffer output, DeviceBuffer gate, DeviceBuffer up, int n) => CudaKernels.SwiGlu(output, gate, up, n);

    public void Add(DeviceBuffer output, DeviceBuffer a, DeviceBuffer b, int n) => CudaKernels.Add(output, a, b, n);

    public void MatVec(GgmlType type, DeviceBuffer output, DeviceBuffer weight, DeviceBuffer x, int rows, int cols)
    {
        switch (type)
        {
            case GgmlType.F32: CudaKernels.MatVecF32(output, weight, x, rows, cols); break;
            case GgmlType.F16: CudaKernels.MatVecF16(output, weight, x, rows, cols); break;
            case GgmlType.Q8_0: CudaKernels.MatVecQ8_0(output, weight, x, rows, cols); break;
            default: throw new ArgumentException($"No CUDA matrix-vector kernel for {type}.", nameof(type));
        }
    }

    public void AttentionPrefill(DeviceBuffer q, DeviceBuffer k, DeviceBuffer v, DeviceBuffer output, AttentionShape shape, InputPrecision precision)
        => CudaKernels.AttentionPrefill(q, k, v, output, shape, precision);

    public long AttentionDecodeWorkspaceFloats(AttentionShape shape) => CudaKernels.AttentionDecodeWorkspaceFloats(shape);

    public void AttentionDecode(DeviceBuffer q, DeviceBuffer kCache, DeviceBuffer vCache, DeviceBuffer output, DeviceBuffer workspace,
        AttentionShape shape, InputPrecision precision) => CudaKernels.AttentionDecode(q, kCache, vCache, output, workspace, shape, precision);
}
