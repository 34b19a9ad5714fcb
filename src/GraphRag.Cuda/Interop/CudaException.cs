using System.Runtime.InteropServices;

namespace GraphRag.Cuda.Interop;

/// <summary>A CUDA call that returned an error code, with the runtime's text for it.</summary>
public sealed class CudaException(string operation, int code)
    : Exception($"{operation} failed: CUDA error {code} ({Describe(code)})")
{
    public int Code { get; } = code;

    internal static void ThrowIfFailed(int code, string operation)
    {
        if (code != 0) throw new CudaException(operation, code);
    }

    internal static string Describe(int code) => Marshal.PtrToStringUTF8(NativeMethods.ErrorString(code)) ?? "unknown error";
}
