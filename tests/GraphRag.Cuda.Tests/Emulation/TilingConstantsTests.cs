using System.Text.RegularExpressions;
using GraphRag.Cuda.Emulation;
using GraphRag.Tests;

namespace GraphRag.Cuda.Tests.Emulation;

public sealed partial class TilingConstantsTests
{
    [Fact]
    public void EmulatorTileSizes_EqualTheKernelHeader()
    {
        var header = File.ReadAllText(TestPaths.Repo("src", "GraphRag.Cuda", "native", "tiling.h"));
        var defines = DefinePattern().Matches(header).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));

        Assert.Equal(TilingConstants.PrefillRows, defines["GRC_PREFILL_BR"]);
        Assert.Equal(TilingConstants.PrefillKeys, defines["GRC_PREFILL_BC"]);
        Assert.Equal(TilingConstants.DecodeChunk, defines["GRC_DECODE_CHUNK"]);
        Assert.Equal(defines["GRC_MAX_HEAD_DIM"], TilingConstants.HeadDims.ToArray().Max());
    }

    [Fact]
    public void EmulatorHeadDims_EqualTheKernelsInstantiations()
    {
        // Both attention files dispatch on `case N:` for every head dimension they are compiled for.
        foreach (var file in new[] { "attention_prefill.cu", "attention_decode.cu" })
        {
            var source = File.ReadAllText(TestPaths.Repo("src", "GraphRag.Cuda", "native", file));
            var cases = CasePattern().Matches(source).Select(m => int.Parse(m.Groups[1].Value)).ToArray();
            Assert.Equal(TilingConstants.HeadDims.ToArray(), cases);
        }
    }

    [GeneratedRegex(@"^#define\s+(GRC_\w+)\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex DefinePattern();

    [GeneratedRegex(@"case (\d+): return launch_")]
    private static partial Regex CasePattern();
}
