namespace GraphRag.Ingest;

/// <summary>A path a batch left out, and why (named to the user with the rest of the batch's outcome).</summary>
public sealed record SkippedPath(string Path, string Reason);

/// <summary>The files a batch reads, in a stable order, with their total size, and the paths it left out.</summary>
public sealed record SourceSelection(IReadOnlyList<string> Files, long Bytes, IReadOnlyList<SkippedPath> Skipped);

/// <summary>The most one batch may take on, so that naming a huge tree is refused before any work is done.</summary>
public sealed record SourceLimits(int MaxFiles, long MaxBytes);

/// <summary>
/// Expands the paths given to <c>ingest</c> into the files to read. Folders are walked in name
/// order; hidden files and folders (a name starting with ".") and other extensions are left out; a
/// folder that cannot be listed is skipped with its reason and the walk goes on; symbolic links are
/// followed once: a file or folder reached again by another path (a link loop, two links to one
/// folder) is not read twice.
/// </summary>
public static class SourceFiles
{
    /// <summary>Extensions picked up when a directory is given; a file named explicitly is always read.</summary>
    public static readonly IReadOnlySet<string> Extensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx" };

    public static bool IsHidden(string name) => name.StartsWith('.');

    /// <param name="refuse">Given a file's or folder's real path, the reason it may not be read, or null (where a server may read from).</param>
    /// <exception cref="IngestionException">The files found exceed <paramref name="limits"/>.</exception>
    public static SourceSelection Expand(IEnumerable<string> paths, SourceLimits? limits = null, Func<string, string?>? refuse = null) =>
        new Walk(limits, refuse).Run(paths);

    private sealed class Walk(SourceLimits? limits, Func<string, string?>? refuse)
    {
        private static readonly EnumerationOptions OneLevel = new()
        {
            IgnoreInaccessible = false,
            RecurseSubdirectories = false,
            AttributesToSkip = 0,
        };

        private readonly SortedDictionary<string, long> _files = new(StringComparer.Ordinal);
        private readonly List<SkippedPath> _skipped = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private long _bytes;

        public SourceSelection Run(IEnumerable<string> paths)
        {
            foreach (var path in paths)
            {
                var full = Path.GetFullPath(path);
                if (File.Exists(full))
                    AddFile(full);
                else if (Directory.Exists(full))
                    AddFolder(full);
                else
                    _skipped.Add(new SkippedPath(path, "no such file or directory"));
            }
            return new SourceSelection(_files.Keys.ToList(), _bytes, _skipped);
        }

        private void AddFolder(string folder)
        {
            if (Real(folder) is not { } real || !_seen.Add(real))
                return;
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", OneLevel)
                    .OrderBy(e => e.Name, StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                _skipped.Add(new SkippedPath(folder, $"cannot list the folder ({ex.Message})"));
                return;
            }
            foreach (var entry in entries.Where(e => !IsHidden(e.Name)))
            {
                // A link reports as a file or folder by its target; Directory.Exists follows it.
                if (Directory.Exists(entry.FullName))
                    AddFolder(entry.FullName);
                else if (Extensions.Contains(Path.GetExtension(entry.Name)))
                    AddFile(entry.FullName);
            }
        }

        private void AddFile(string file)
        {
            if (Real(file) is not { } real || !_seen.Add(real))
                return;
            long length;
            try
            {
                length = new FileInfo(real).Length;
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                _skipped.Add(new SkippedPath(file, File.Exists(real) ? $"cannot read the file ({ex.Message})" : "a symbolic link to a file that does not exist"));
                return;
            }
            _files[file] = length;
            _bytes += length;
            if (limits is { } max && (_files.Count > max.MaxFiles || _bytes > max.MaxBytes))
                throw new IngestionException(file,
                    $"the paths given hold more than {(_files.Count > max.MaxFiles ? $"{max.MaxFiles:N0} note files" : $"{max.MaxBytes / (1024 * 1024):N0} MB of notes")}, " +
                    "the limit for one batch; ingest a smaller folder");
        }

        /// <summary>The real path, or null after recording why the path is left out.</summary>
        private string? Real(string path)
        {
            string real;
            try
            {
                real = RealPath.Of(path);
            }
            catch (IOException ex)
            {
                _skipped.Add(new SkippedPath(path, ex.Message));
                return null;
            }
            if (refuse?.Invoke(real) is { } reason)
            {
                _skipped.Add(new SkippedPath(path, reason));
                return null;
            }
            return real;
        }
    }
}
