using System.Diagnostics;
using System.Runtime.InteropServices;
using GraphRag.Cuda.Emulation;
using GraphRag.Cuda.Interop;
using GraphRag.Cuda.Tests.Support;

namespace GraphRag.Cuda.Tests.Interop;

/// <summary>Checks of the built .so that need no GPU: exports, target architectures, host-side entry points.</summary>
public sealed class NativeLibraryTests
{
    [Fact]
    public void BuiltLibrary_ExportsEveryBoundSymbol()
    {
        var path = BuiltLibrary.PathOrSkip();
        var handle = NativeLibrary.Load(path);
        var missing = NativeMethods.Exports.Where(name => !NativeLibrary.TryGetExport(handle, name, out _)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void BuiltLibrary_HoldsCodeForSm80AndSm90()
    {
        var path = BuiltLibrary.PathOrSkip();
        var listing = Run("cuobjdump", "--list-elf", path);
        Assert.Contains("sm_80", listing);
        Assert.Contains("sm_90", listing);
    }

    [Fact]
    public void ErrorString_ComesFromTheCudaRuntime()
    {
        BuiltLibrary.BindOrSkip();
        Assert.Equal("invalid argument", CudaException.Describe(1));  // cudaErrorInvalidValue
    }

    [Fact]
    public void DecodeWorkspace_UsesTheEmulatorsSplitCount()
    {
        BuiltLibrary.BindOrSkip();
        foreach (var kLen in new[] { 1, 256, 257, 5000 })
            Assert.Equal((nuint)(8 * TilingConstants.DecodeSplits(kLen) * (64 + 2)), NativeMethods.AttentionDecodeWorkspaceFloats(kLen, 8, 64));
    }

    [Theory]
    [InlineData(0, 16, 4, 1, 16)]   // no queries
    [InlineData(8, 4, 4, 1, 16)]    // more queries than keys
    [InlineData(4, 4, 6, 4, 16)]    // heads not a multiple of kv heads
    [InlineData(4, 4, 4, 4, 20)]    // a head dimension without a kernel
    public void Prefill_RejectsBadShapesBeforeLaunching(int qLen, int kLen, int heads, int kvHeads, int headDim)
    {
        BuiltLibrary.BindOrSkip();
        Assert.Equal(1, NativeMethods.AttentionPrefill(0, 0, 0, 0, 0, qLen, kLen, heads, kvHeads, headDim, 1f, 1));
    }

    private static string Run(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip($"SKIPPED: {tool} is not installed (it comes with nvidia-cuda-toolkit)");
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
            return output;
        }
    }
}
