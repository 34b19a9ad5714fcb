using GraphRag.Ingest;

namespace GraphRag.Web.Ingestion;

/// <summary>
/// The folders a client may have the server ingest (GraphRag:Web:IngestRoots, and the upload
/// folder), compared by real path: a symbolic link inside a root that leads out of it, a "..", a
/// hidden file or folder (.ssh/, .env) and a file that is not a note are all refused, both for the
/// path a request names and for every file found under it.
/// </summary>
public sealed class IngestRoots
{
    private readonly IReadOnlyList<string> _roots;

    public IngestRoots(WebAppOptions options, UploadFolder uploads)
    {
        Configured = options.IngestRoots.Select(Path.GetFullPath).ToList();
        _roots = Configured.Append(uploads.Path).Select(RealPath.Of).Distinct().ToList();
    }

    /// <summary>The configured roots, as configured (the upload folder is always allowed as well).</summary>
    public IReadOnlyList<string> Configured { get; }

    /// <summary>The real path of a file or folder the server may ingest.</summary>
    /// <exception cref="IngestRefusedException">Outside every root, hidden, or not a note file.</exception>
    /// <exception cref="DirectoryNotFoundException">Allowed, but nothing is there.</exception>
    public string Admit(string requested)
    {
        var real = RealPath.Of(requested);
        if (Refusal(real) is { } reason)
            throw new IngestRefusedException($"{requested}: {reason}");
        if (File.Exists(real))
        {
            if (!SourceFiles.Extensions.Contains(Path.GetExtension(real)))
                throw new IngestRefusedException(
                    $"{requested}: only {string.Join(", ", SourceFiles.Extensions.Order())} files are ingested.");
            return real;
        }
        // Said only inside the roots: outside them the answer does not depend on what exists.
        return Directory.Exists(real) ? real : throw new DirectoryNotFoundException($"{requested}: no such file or folder on the server.");
    }

    /// <summary>Why the server may not read this real path, or null when it may.</summary>
    public string? Refusal(string realPath)
    {
        var root = _roots.FirstOrDefault(r => RealPath.IsWithin(realPath, r));
        if (root is null)
            return Configured.Count == 0
                ? $"this server ingests no server folders (set {WebAppOptions.Section}:IngestRoots); upload the files instead."
                : $"outside the folders this server may ingest ({WebAppOptions.Section}:IngestRoots).";
        var below = Path.GetRelativePath(root, realPath);
        return below != "." && below.Split(Path.DirectorySeparatorChar).Any(SourceFiles.IsHidden)
            ? "hidden files and folders are not ingested."
            : null;
    }
}

/// <summary>A request to ingest something the server may not read: answered 403 with the reason.</summary>
public sealed class IngestRefusedException(string message) : Exception(message);
