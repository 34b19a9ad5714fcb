namespace GraphRag.Cuda.Interop;

/// <summary>
/// Where libgraphrag_cuda.so may be: $GRAPHRAG_CUDA_LIBRARY, the application folder (the build copies it there),
/// or src/GraphRag.Cuda/native/build/ of a checkout above the application (where scripts/build-cuda.sh puts it).
/// </summary>
public static class CudaLibraryLocator
{
    public const string FileName = "libgraphrag_cuda.so";
    public const string EnvironmentVariable = "GRAPHRAG_CUDA_LIBRARY";

    /// <summary>The build folder relative to the repository root.</summary>
    public static readonly string BuildFolder = Path.Combine("src", "GraphRag.Cuda", "native", "build");

    public static IReadOnlyList<string> Candidates(string applicationFolder)
    {
        var candidates = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) candidates.Add(fromEnvironment);
        candidates.Add(Path.Combine(applicationFolder, FileName));
        for (var dir = new DirectoryInfo(applicationFolder); dir is not null; dir = dir.Parent)
        {
            var built = Path.Combine(dir.FullName, BuildFolder, FileName);
            if (File.Exists(built)) { candidates.Add(built); break; }
        }
        return candidates;
    }

    /// <summary>The first candidate that exists, or null.</summary>
    public static string? Find(string applicationFolder) => Candidates(applicationFolder).FirstOrDefault(File.Exists);
}
