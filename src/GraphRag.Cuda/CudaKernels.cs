using GraphRag.Cuda.Emulation;
using GraphRag.Cuda.Interop;
using GraphRag.Engine.Kernels;

namespace GraphRag.Cuda;

/// <summary>
/// The native kernels on device buffers, with the shape checks done here so a bad call gets a clear
/// ArgumentException instead of a CUDA error. Launches are asynchronous; downloads synchronise.
/// </summary>
public static class CudaKernels
{
    /// <summary>FlashAttention-style prefill; layouts as in <see cref="AttentionShape"/>, output float32.</summary>
    public static void AttentionPrefill(DeviceBuffer q, DeviceBuffer k, DeviceBuffer v, DeviceBuffer output,
        AttentionShape shape, InputPrecision precision)
    {
        AttentionShapeRules.ValidatePrefill(shape);
        RequireDevice(q, k, v, output);
        var element = InputRounding.ElementBytes(precision);
        AttentionShapeRules.RequireLengths(q.Bytes / element, k.Bytes / element, v.Bytes / element, output.Bytes / sizeof(float), shape);
        Run(NativeMethods.AttentionPrefill((int)precision, q.Pointer, k.Pointer, v.Pointer, output.Pointer, shape.QueryLength,
            shape.KeyLength, shape.Heads, shape.KvHeads, shape.HeadDim, AttentionShapeRules.Scale(shape), shape.Causal ? 1 : 0), "attention prefill");
    }

    /// <summary>Floats of workspace <see cref="AttentionDecode"/> needs for this shape.</summary>
    public static long AttentionDecodeWorkspaceFloats(AttentionShape shape)
    {
        CudaRuntime.EnsureAvailable();
        return (long)NativeMethods.AttentionDecodeWorkspaceFloats(shape.KeyLength, shape.Heads, shape.HeadDim);
    }

    /// <summary>Split-K decode of one float32 query against a KV cache of <paramref name="precision"/>.</summary>
    public static void AttentionDecode(DeviceBuffer q, DeviceBuffer kCache, DeviceBuffer vCache, DeviceBuffer output,
        DeviceBuffer workspace, AttentionShape shape, InputPrecision precision)
    {
        AttentionShapeRules.ValidateDecode(shape);
        RequireDevice(q, kCache, vCache, output, workspace);
        var element = InputRounding.ElementBytes(precision);
        AttentionShapeRules.RequireLengths(q.Bytes / sizeof(float), kCache.Bytes / element, vCache.Bytes / element, output.Bytes / sizeof(float), shape);
        var needed = AttentionDecodeWorkspaceFloats(shape) * sizeof(float);
        if (workspace.Bytes < needed) throw new ArgumentException($"The decode workspace needs {needed} bytes but has {workspace.Bytes}.", nameof(workspace));
        Run(NativeMethods.AttentionDecode((int)precision, q.Pointer, kCache.Pointer, vCache.Pointer, output.Pointer, workspace.Pointer,
            shape.KeyLength, shape.Heads, shape.KvHeads, shape.HeadDim, AttentionShapeRules.Scale(shape)), "attention decode");
    }

    /// <summary>output, x [rows, n]; weight [n].</summary>
    public static void RmsNorm(DeviceBuffer output, DeviceBuffer x, DeviceBuffer weight, int rows, int n, float eps)
    {
        RequireFloats(x, (long)rows * n, nameof(x));
        RequireFloats(output, (long)rows * n, nameof(output));
        RequireFloats(weight, n, nameof(weight));
        Run(NativeMethods.RmsNorm(output.Pointer, x.Pointer, weight.Pointer, rows, n, eps), "rmsnorm");
    }

    /// <summary>
    /// Rotary positions in place on x [tokens, heads·headDim] for tokens at <paramref name="startPosition"/>..; the first
    /// <paramref name="rotaryDims"/> dimensions of each head rotate, as adjacent pairs or as halves (<see cref="RopeStyle"/>).
    /// </summary>
    public static void Rope(DeviceBuffer x, int tokens, int heads, int headDim, int rotaryDims, int startPosition, float theta, RopeStyle style)
    {
        if (rotaryDims % 2 != 0 || rotaryDims > headDim)
            throw new ArgumentException($"Rotary dimensions ({rotaryDims}) must be even and at most the head size ({headDim}).", nameof(rotaryDims));
        RequireFloats(x, (long)tokens * heads * headDim, nameof(x));
        Run(NativeMethods.Rope(x.Pointer, tokens, heads, headDim, rotaryDims, startPosition, theta, style == RopeStyle.HalfSplit ? 1 : 0), "rope");
    }

    /// <summary>output = silu(gate) ⊙ up, all [n].</summary>
    public static void SwiGlu(DeviceBuffer output, DeviceBuffer gate, DeviceBuffer up, int n)
    {
        RequireFloats(output, n, nameof(output));
        RequireFloats(gate, n, nameof(gate));
        RequireFloats(up, n, nameof(up));
        Run(NativeMethods.SwiGlu(output.Pointer, gate.Pointer, up.Pointer, n), "swiglu");
    }

    /// <summary>output = a + b, all [n].</summary>
    public static void Add(DeviceBuffer output, DeviceBuffer a, DeviceBuffer b, int n)
    {
        RequireFloats(output, n, nameof(output));
        RequireFloats(a, n, nameof(a));
        RequireFloats(b, n, nameof(b));
        Run(NativeMethods.Add(output.Pointer, a.Pointer, b.Pointer, n), "add");
    }

    /// <summary>output [rows] = W [rows, cols] (float32) · x [cols].</summary>
    public static void MatVecF32(DeviceBuffer output, DeviceBuffer weight, DeviceBuffer x, int rows, int cols)
    {
        RequireFloats(weight, (long)rows * cols, nameof(weight));
        RequireFloats(x, cols, nameof(x));
        RequireFloats(output, rows, nameof(output));
        Run(NativeMethods.MatVecF32(output.Pointer, weight.Pointer, x.Pointer, rows, cols), "matvec f32");
    }

    /// <summary>output [rows] = W [rows, cols] (float16) · x [cols].</summary>
    public static void MatVecF16(DeviceBuffer output, DeviceBuffer weight, DeviceBuffer x, int rows, int cols)
    {
        RequireBytes(weight, (long)rows * cols * 2, nameof(weight));
        RequireFloats(x, cols, nameof(x));
        RequireFloats(output, rows, nameof(output));
        Run(NativeMethods.MatVecF16(output.Pointer, weight.Pointer, x.Pointer, rows, cols), "matvec f16");
    }

    /// <summary>output [rows] = W [rows, cols] (ggml Q8_0 blocks) · x [cols]; cols a multiple of 32.</summary>
    public static void MatVecQ8_0(DeviceBuffer output, DeviceBuffer weight, DeviceBuffer x, int rows, int cols)
    {
        if (cols % 32 != 0) throw new ArgumentException($"Q8_0 rows hold whole blocks of 32 values; cols is {cols}.", nameof(cols));
        RequireBytes(weight, (long)rows * (cols / 32) * 34, nameof(weight));
        RequireFloats(x, cols, nameof(x));
        RequireFloats(output, rows, nameof(output));
        Run(NativeMethods.MatVecQ8_0(output.Pointer, weight.Pointer, x.Pointer, rows, cols), "matvec q8_0");
    }

    /// <summary>Index of the first maximum of x [n], written as one int to <paramref name="index"/>.</summary>
    public static void Argmax(DeviceBuffer index, DeviceBuffer x, int n)
    {
        RequireBytes(index, sizeof(int), nameof(index));
        RequireFloats(x, n, nameof(x));
        Run(NativeMethods.Argmax(index.Pointer, x.Pointer, n), "argmax");
    }

    /// <summary>destination [n] of <paramref name="precision"/> = source [n] float32, rounded to nearest even.</summary>
    public static void Convert(DeviceBuffer destination, DeviceBuffer source, int n, InputPrecision precision)
    {
        RequireFloats(source, n, nameof(source));
        RequireBytes(destination, (long)n * InputRounding.ElementBytes(precision), nameof(destination));
        Run(NativeMethods.ConvertF32(destination.Pointer, source.Pointer, n, (int)precision), "convert");
    }

    /// <summary>Waits for every launched kernel; surfaces errors raised while they ran.</summary>
    public static void Synchronize()
    {
        CudaRuntime.EnsureAvailable();
        CudaException.ThrowIfFailed(NativeMethods.Synchronize(), "synchronize");
    }

    private static void Run(int code, string operation)
    {
        CudaException.ThrowIfFailed(code, operation);
    }

    private static void RequireFloats(DeviceBuffer buffer, long count, string name) => RequireBytes(buffer, count * sizeof(float), name);

    private static void RequireDevice(params ReadOnlySpan<DeviceBuffer> buffers)
    {
        foreach (var buffer in buffers)
            if (buffer.IsHost) throw new ArgumentException("A host buffer (CPU emulation) was passed to a CUDA kernel; allocate it with DeviceBuffer.Allocate.");
    }

    private static void RequireBytes(DeviceBuffer buffer, long bytes, string name)
    {
        RequireDevice(buffer);
        if (buffer.Bytes < bytes) throw new ArgumentException($"{name} needs {bytes} bytes but the device buffer has {buffer.Bytes}.", name);
    }
}
