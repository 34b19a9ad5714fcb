using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphRag.Ingest;

/// <summary>
/// A hosted service that keeps a folder ingested: a full pass at start, then every file created,
/// changed, renamed or deleted is ingested (or pruned) after a short quiet period, so an editor's
/// burst of writes becomes one ingestion.
/// </summary>
public sealed class FolderWatchService(
    string folder,
    IServiceScopeFactory scopes,
    ILogger<FolderWatchService> logger,
    TimeSpan? quietPeriod = null) : BackgroundService
{
    private readonly TimeSpan _quiet = quietPeriod ?? TimeSpan.FromMilliseconds(500);
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();

    /// <summary>Raised after each batch, for the command line and tests.</summary>
    public event Action<IngestionSummary>? BatchIngested;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{folder}: folder not found.");
        using var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = false };
        watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Deleted += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Renamed += (_, e) => { _changes.Writer.TryWrite(e.OldFullPath); _changes.Writer.TryWrite(e.FullPath); };
        watcher.EnableRaisingEvents = true;

        await IngestAsync([folder], prune: true, stoppingToken);
        logger.LogInformation("Watching {Folder} for new and changed notes", folder);
        while (await _changes.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new HashSet<string>(StringComparer.Ordinal);
            // Collect until the folder has been quiet for a moment.
            do
            {
                while (_changes.Reader.TryRead(out var path))
                    batch.Add(path);
                await Task.Delay(_quiet, stoppingToken);
            } while (_changes.Reader.TryRead(out var more) && batch.Add(more));

            var present = batch.Where(p => File.Exists(p) && SourceFiles.Extensions.Contains(Path.GetExtension(p)) && !InHiddenPlace(p)).ToList();
            var anyDeleted = batch.Any(p => !File.Exists(p) && !Directory.Exists(p));
            if (present.Count > 0 || anyDeleted)
                await IngestAsync(present, prune: anyDeleted, stoppingToken);
        }
    }

    /// <summary>A hidden file, or a file in a hidden folder under the watched one (.git/, an editor's .swap/): never ingested.</summary>
    private bool InHiddenPlace(string path) =>
        Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(SourceFiles.IsHidden);

    private async Task IngestAsync(IReadOnlyList<string> paths, bool prune, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<IngestionPipeline>();
        var summary = await pipeline.IngestAsync(paths, prune, null, cancellationToken);
        foreach (var failed in summary.Files.Where(f => f.Status == FileStatus.Failed))
            logger.LogWarning("{Path}: {Error}", failed.Path, failed.Error);
        foreach (var warning in summary.Warnings)
            logger.LogWarning("{Warning}", warning);
        if (!summary.ChangedNothing)
            logger.LogInformation("Ingested: {Added} added, {Updated} updated, {Removed} removed",
                summary.ArticlesAdded, summary.ArticlesUpdated, summary.ArticlesRemoved);
        BatchIngested?.Invoke(summary);
    }
}
