namespace GraphRag.Ingest;

/// <summary>Expands the paths given to <c>ingest</c> into the files to read, in a stable order.</summary>
public static class SourceFiles
{
    /// <summary>Extensions picked up when a directory is given; a file named explicitly is always read.</summary>
    public static readonly IReadOnlySet<string> Extensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx" };

    /// <returns>Full paths of files to ingest, and the given paths that do not exist.</returns>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
                files.Add(Path.GetFullPath(path));
            else if (Directory.Exists(path))
                files.UnionWith(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f)) && !IsHidden(f))
                    .Select(Path.GetFullPath));
            else
                missing.Add(path);
        }
        return (files.ToList(), missing);
    }

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');
}
