namespace GraphRag.Ingest;

/// <summary>
/// A path with every symbolic link along it resolved, as POSIX realpath resolves it ("..", after a
/// link, leaves the link's target, not the folder that holds the link), so that two ways of
/// reaching one file compare equal and a link cannot carry a path out of a folder unnoticed.
/// Parts that do not exist are kept as written.
/// </summary>
public static class RealPath
{
    /// <summary>Linux's own limit on links followed while resolving one path (ELOOP beyond it).</summary>
    public const int MaxLinks = 40;

    private static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <exception cref="IOException">More than <see cref="MaxLinks"/> links: a loop.</exception>
    public static string Of(string path)
    {
        var links = 0;
        return Resolve(path, Directory.GetCurrentDirectory(), path, ref links);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both real, full paths).</summary>
    public static bool IsWithin(string path, string folder)
    {
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.Equals(Path.TrimEndingDirectorySeparator(folder), Comparison) || path.StartsWith(prefix, Comparison);
    }

    /// <param name="path">Absolute, or relative to <paramref name="relativeTo"/> (a real path); not normalised yet.</param>
    private static string Resolve(string path, string relativeTo, string original, ref int links)
    {
        var root = Path.GetPathRoot(path);
        var current = string.IsNullOrEmpty(root) ? relativeTo : Path.GetFullPath(root);
        var rest = string.IsNullOrEmpty(root) ? path : path[root.Length..];
        foreach (var part in rest.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
                continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                    throw new IOException($"{original}: too many levels of symbolic links (a loop).");
                next = Resolve(target, current, original, ref links);
            }
            current = next;
        }
        return current;
    }
}
