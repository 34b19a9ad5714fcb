using GraphRag.Ingest;
using GraphRag.Ingest.Reading;
using GraphRag.Store;
using Microsoft.AspNetCore.Http;

namespace GraphRag.Web.Ingestion;

/// <summary>
/// Where uploaded files are written before ingestion. A file keeps its name, so uploading a newer
/// version of it updates its articles instead of adding copies. Names are reduced to a plain file
/// name: a client cannot write outside the folder.
/// </summary>
public sealed class UploadFolder(WebAppOptions options, GraphRagDatabase database)
{
    public string Path { get; } = System.IO.Path.GetFullPath(options.UploadDirectory
        ?? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(database.Path) ?? ".", "uploads"));

    /// <returns>The full paths written, in upload order.</returns>
    /// <exception cref="ArgumentException">No files, or a file with a name or type that cannot be ingested.</exception>
    public async Task<IReadOnlyList<string>> SaveAsync(IFormFileCollection files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
            throw new ArgumentException("The upload holds no files: send them as multipart/form-data fields named \"files\".");
        var targets = files.Select(f => (File: f, Target: TargetFor(f))).ToList();
        Directory.CreateDirectory(Path);
        foreach (var (file, target) in targets)
        {
            await using var output = File.Create(target);
            await file.CopyToAsync(output, cancellationToken);
        }
        return targets.Select(t => t.Target).ToList();
    }

    private string TargetFor(IFormFile file)
    {
        var name = System.IO.Path.GetFileName(file.FileName.Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(name) || name.StartsWith('.'))
            throw new ArgumentException($"'{file.FileName}' is not a usable file name.");
        if (!SourceFiles.Extensions.Contains(System.IO.Path.GetExtension(name)))
            throw new ArgumentException(
                $"{name}: only {string.Join(", ", SourceFiles.Extensions.Order())} files can be ingested.");
        if (file.Length == 0)
            throw new ArgumentException($"{name}: the file is empty.");
        if (file.Length > ArticleReader.MaxFileBytes)
            throw new ArgumentException($"{name}: {file.Length / (1024.0 * 1024):F1} MB is over the {ArticleReader.MaxFileBytes / (1024 * 1024)} MB limit per file.");
        return System.IO.Path.Combine(Path, name);
    }
}
