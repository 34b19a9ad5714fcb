using System.Reflection;
using System.Runtime.InteropServices;

namespace GraphRag.Cuda.Interop;

/// <summary>
/// Loads libgraphrag_cuda.so and asks the driver for a device, once per process. Nothing else in this
/// assembly calls native code before <see cref="TryInitialize"/> has succeeded.
/// </summary>
public static class CudaRuntime
{
    private static readonly Lock Gate = new();
    private static Result? result;
    private static nint library;

    private sealed record Result(bool Available, string Reason, string? LibraryPath, string? DeviceName);

    /// <summary>The loaded library's path, or null before a successful <see cref="TryInitialize"/>.</summary>
    public static string? LibraryPath => result?.LibraryPath;

    /// <summary>Device 0's name, or null when no device was found.</summary>
    public static string? DeviceName => result?.DeviceName;

    /// <summary>
    /// True when the library loads and the driver reports at least one device; otherwise false with the
    /// reason ("no CUDA device: ...", "library not built: ...").
    /// </summary>
    public static bool TryInitialize(out string reason)
    {
        lock (Gate)
        {
            result ??= Probe();
            reason = result.Reason;
            return result.Available;
        }
    }

    /// <summary>Throws when CUDA is not usable; the kernels call this before touching native code.</summary>
    internal static void EnsureAvailable()
    {
        if (!TryInitialize(out var reason)) throw new InvalidOperationException("CUDA is not available: " + reason);
    }

    private static Result Probe()
    {
        if (!OperatingSystem.IsLinux())
            return new Result(false, "no CUDA device: the CUDA backend is built for Linux only", null, null);
        if (!NativeLibrary.TryLoad("libcuda.so.1", out _))
            return new Result(false, "no CUDA device: libcuda not found (no NVIDIA driver on this machine)", null, null);

        var path = CudaLibraryLocator.Find(AppContext.BaseDirectory);
        if (path is null)
        {
            var searched = string.Join(", ", CudaLibraryLocator.Candidates(AppContext.BaseDirectory));
            return new Result(false, $"library not built: {CudaLibraryLocator.FileName} not found (searched {searched}); run scripts/build-cuda.sh", null, null);
        }
        if (!NativeLibrary.TryLoad(path, out library))
            return new Result(false, $"library not loadable: {path}", null, null);
        NativeLibrary.SetDllImportResolver(typeof(CudaRuntime).Assembly, Resolve);

        return Query(path);
    }

    private static unsafe Result Query(string path)
    {
        int count;
        var code = NativeMethods.DeviceCount(&count);
        if (code != 0)
            return new Result(false, $"no CUDA device: cudaGetDeviceCount failed with error {code} ({CudaException.Describe(code)})", path, null);
        if (count == 0) return new Result(false, "no CUDA device: the driver reports 0 devices", path, null);

        var buffer = stackalloc byte[256];
        CudaException.ThrowIfFailed(NativeMethods.DeviceName(0, buffer, 256), "cudaGetDeviceProperties");
        var name = Marshal.PtrToStringUTF8((nint)buffer) ?? "unknown";
        return new Result(true, $"CUDA device 0 of {count}: {name} (library {path})", path, name);
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        => name == NativeMethods.LibraryName ? library : 0;
}
