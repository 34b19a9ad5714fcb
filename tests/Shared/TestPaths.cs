namespace GraphRag.Tests;

/// <summary>Locates the repository and the optional <c>../shared</c> folder beside it.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The <c>shared/</c> folder beside the checkout, or null when this machine has none.</summary>
    public static string? SharedRoot
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("GRAPHRAG_SHARED");
            var candidate = fromEnv ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>Where scripts/fetch-assets.sh unpacks npm assets (git-ignored).</summary>
    public static string AssetsRoot =>
        Environment.GetEnvironmentVariable("GRAPHRAG_ASSETS") ?? Path.Combine(RepoRoot, ".assets");

    public static string Repo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    /// <summary>A path under ../shared, or a skip that says plainly what is missing.</summary>
    public static string SharedOrSkip(params string[] parts)
    {
        var root = SharedRoot;
        Assert.SkipWhen(root is null, "SKIPPED: ../shared is absent on this machine; this test needs " + string.Join('/', parts));
        var path = Path.Combine([root!, .. parts]);
        Assert.SkipUnless(File.Exists(path) || Directory.Exists(path), $"SKIPPED: {path} is absent");
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GraphRag.sln")))
                return dir.FullName;
        }
        // Built with --artifacts-path outside the checkout: the build recorded where the repository is.
        var recorded = typeof(TestPaths).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GraphRagRepoRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "GraphRag.sln")))
            return recorded;
        throw new InvalidOperationException("GraphRag.sln not found above " + AppContext.BaseDirectory);
    }
}
