using GraphRag.Cuda.Interop;
using GraphRag.Tests;

namespace GraphRag.Cuda.Tests.Support;

/// <summary>The library scripts/build-cuda.sh produces, or a loud skip when it has not been built here.</summary>
public static class BuiltLibrary
{
    public static string Path => TestPaths.Repo(CudaLibraryLocator.BuildFolder, CudaLibraryLocator.FileName);

    public static string PathOrSkip()
    {
        Assert.SkipUnless(File.Exists(Path), $"SKIPPED: {Path} is not built; run scripts/build-cuda.sh (needs nvcc, no GPU)");
        return Path;
    }

    /// <summary>Loads the library through <see cref="CudaRuntime"/> (which binds the P/Invoke declarations), or skips.</summary>
    public static void BindOrSkip()
    {
        PathOrSkip();
        CudaRuntime.TryInitialize(out var reason);
        Assert.SkipWhen(CudaRuntime.LibraryPath is null, "SKIPPED: the CUDA runtime did not load the library: " + reason);
    }
}

/// <summary>A GPU test's guard: skips with the runtime's reason when no CUDA device is usable.</summary>
public static class GpuRequirement
{
    public static void DeviceOrSkip()
    {
        var available = CudaRuntime.TryInitialize(out var reason);
        Assert.SkipUnless(available, "SKIPPED (no GPU): " + reason);
    }
}
