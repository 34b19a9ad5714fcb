using GraphRag.Cuda.Interop;
using GraphRag.Tests;

namespace GraphRag.Cuda.Tests.Interop;

public sealed class CudaRuntimeTests
{
    [Fact]
    public void TryInitialize_NamesTheDeviceOrSaysWhyNot()
    {
        if (CudaRuntime.TryInitialize(out var reason))
        {
            Assert.False(string.IsNullOrWhiteSpace(CudaRuntime.DeviceName));
            Assert.Contains(CudaRuntime.DeviceName!, reason);
        }
        else
        {
            Assert.Matches("^(no CUDA device|library not built|library not loadable): .+", reason);
        }
    }

    [Fact]
    public void TryInitialize_AnswersTheSameEveryTime()
    {
        var first = CudaRuntime.TryInitialize(out var firstReason);
        var second = CudaRuntime.TryInitialize(out var secondReason);
        Assert.Equal(first, second);
        Assert.Equal(firstReason, secondReason);
    }

    [Fact]
    public void Locator_FindsTheBuildFolderAboveTheApplication()
    {
        using var temp = new TempDirectory();
        var build = Directory.CreateDirectory(Path.Combine(temp.Path, CudaLibraryLocator.BuildFolder));
        var library = Path.Combine(build.FullName, CudaLibraryLocator.FileName);
        File.WriteAllBytes(library, [0]);
        var app = Directory.CreateDirectory(Path.Combine(temp.Path, "bin", "Release", "net10.0"));

        Assert.Equal(library, CudaLibraryLocator.Find(app.FullName));
    }

    [Fact]
    public void Locator_PrefersTheApplicationFolder()
    {
        using var temp = new TempDirectory();
        var local = Path.Combine(temp.Path, CudaLibraryLocator.FileName);
        File.WriteAllBytes(local, [0]);
        var build = Directory.CreateDirectory(Path.Combine(temp.Path, CudaLibraryLocator.BuildFolder));
        File.WriteAllBytes(Path.Combine(build.FullName, CudaLibraryLocator.FileName), [0]);

        Assert.Equal(local, CudaLibraryLocator.Find(temp.Path));
    }

    [Fact]
    public void Locator_FindsNothingWhereNothingWasBuilt()
    {
        using var temp = new TempDirectory();
        Assert.Null(CudaLibraryLocator.Find(temp.Path));
    }
}
