using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace GraphRag.Bench;

public static class MachineInfo
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim()
            : null;
        var simd = Avx512F.IsSupported ? "AVX-512" : Avx2.IsSupported ? "AVX2" : "SSE";
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {simd}, " +
               $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}";
    }
}
