using System.Diagnostics;
using GraphRag.Tests;

namespace GraphRag.Cuda.Tests.Interop;

public sealed class BuildScriptTests
{
    [Fact]
    public async Task Build_FailsWhenAKernelDoesNotCompile()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/nvcc") || File.Exists("/usr/local/cuda/bin/nvcc"), "SKIPPED: nvcc is not installed; run scripts/build-cuda.sh");
        using var temp = new TempDirectory();
        var native = TestPaths.Repo("src", "GraphRag.Cuda", "native");
        foreach (var file in Directory.EnumerateFiles(native).Where(f => !f.EndsWith(".so", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(temp.Path, Path.GetFileName(file)));
        // runtime.cu is compiled first, so the failure comes after one short nvcc call.
        File.AppendAllText(Path.Combine(temp.Path, "runtime.cu"), "\n__global__ void broken() { undeclared_symbol(); }\n");

        var info = new ProcessStartInfo("bash", [Path.Combine(temp.Path, "build.sh")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("undeclared_symbol", await errors);
        Assert.False(File.Exists(Path.Combine(temp.Path, "build", "libgraphrag_cuda.so")));
    }
}
