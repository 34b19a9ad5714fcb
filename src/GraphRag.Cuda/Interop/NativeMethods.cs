using System.Runtime.InteropServices;

namespace GraphRag.Cuda.Interop;

/// <summary>
/// P/Invoke declarations of libgraphrag_cuda.so (native/graphrag_cuda.h). Every int result is a cudaError_t
/// (0 = success). Pointers are device pointers unless named host. The library is bound by
/// <see cref="CudaRuntime"/>, which resolves <see cref="LibraryName"/> to the file it found.
/// </summary>
internal static partial class NativeMethods
{
    public const string LibraryName = "graphrag_cuda";

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_device_count")]
    public static unsafe partial int DeviceCount(int* count);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_device_name")]
    public static unsafe partial int DeviceName(int device, byte* buffer, int length);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_error_string")]
    public static partial nint ErrorString(int code);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_malloc")]
    public static unsafe partial int Malloc(nint* pointer, nuint bytes);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_free")]
    public static partial int Free(nint pointer);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_copy_to_device")]
    public static unsafe partial int CopyToDevice(nint device, void* host, nuint bytes);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_copy_to_host")]
    public static unsafe partial int CopyToHost(void* host, nint device, nuint bytes);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_synchronize")]
    public static partial int Synchronize();

    // q [qLen, heads·d], k, v [kLen, kvHeads·d] of dtype; output [qLen, heads·d] float32.
    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_attention_prefill")]
    public static partial int AttentionPrefill(int dtype, nint q, nint k, nint v, nint output, int qLen, int kLen,
        int heads, int kvHeads, int headDim, float scale, int causal);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_attention_decode_workspace_floats")]
    public static partial nuint AttentionDecodeWorkspaceFloats(int kLen, int heads, int headDim);

    // q [heads·d] float32; kCache, vCache [kLen, kvHeads·d] of dtype; output [heads·d].
    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_attention_decode")]
    public static partial int AttentionDecode(int dtype, nint q, nint kCache, nint vCache, nint output, nint workspace,
        int kLen, int heads, int kvHeads, int headDim, float scale);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_rmsnorm")]
    public static partial int RmsNorm(nint output, nint x, nint weight, int rows, int n, float eps);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_rope")]
    public static partial int Rope(nint x, int tokens, int heads, int headDim, int rotaryDims, int startPos, float theta, int neox);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_swiglu")]
    public static partial int SwiGlu(nint output, nint gate, nint up, int n);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_add")]
    public static partial int Add(nint output, nint a, nint b, int n);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_matvec_f32")]
    public static partial int MatVecF32(nint output, nint weight, nint x, int rows, int cols);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_matvec_f16")]
    public static partial int MatVecF16(nint output, nint weight, nint x, int rows, int cols);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_matvec_q8_0")]
    public static partial int MatVecQ8_0(nint output, nint weight, nint x, int rows, int cols);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_argmax")]
    public static partial int Argmax(nint index, nint x, int n);

    [LibraryImport(LibraryName, EntryPoint = "graphrag_cuda_convert_f32")]
    public static partial int ConvertF32(nint destination, nint source, int n, int dtype);

    /// <summary>Every symbol the library must export (checked by a test against the built .so).</summary>
    public static readonly string[] Exports =
    [
        "graphrag_cuda_device_count", "graphrag_cuda_device_name", "graphrag_cuda_error_string", "graphrag_cuda_malloc",
        "graphrag_cuda_free", "graphrag_cuda_copy_to_device", "graphrag_cuda_copy_to_host", "graphrag_cuda_synchronize",
        "graphrag_cuda_attention_prefill", "graphrag_cuda_attention_decode_workspace_floats",
        "graphrag_cuda_attention_decode", "graphrag_cuda_rmsnorm", "graphrag_cuda_rope", "graphrag_cuda_swiglu",
        "graphrag_cuda_add", "graphrag_cuda_matvec_f32", "graphrag_cuda_matvec_f16", "graphrag_cuda_matvec_q8_0", "graphrag_cuda_argmax",
        "graphrag_cuda_convert_f32",
    ];
}
