using System.Collections.Concurrent;
using GraphRag.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphRag.Web.Ingestion;

/// <summary>
/// Runs ingestion jobs in the background, one at a time (SQLite has one writer; a second job would
/// only wait on the first), so that a request returns at once with a job id to follow.
/// Jobs stop when the server stops, never because the client that started them went away.
/// </summary>
public sealed class IngestionJobs(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<IngestionJobs> logger)
{
    private const int JobsKept = 20;

    private readonly ConcurrentDictionary<string, IngestionJob> _jobs = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private int _counter;

    public IngestionJob Start(string label, IReadOnlyList<string> paths, bool prune)
    {
        var job = new IngestionJob($"job-{Interlocked.Increment(ref _counter)}", label, paths);
        _jobs[job.Id] = job;
        Forget();
        _ = Task.Run(() => RunAsync(job, prune, lifetime.ApplicationStopping));
        return job;
    }

    public IngestionJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public IReadOnlyList<JobSnapshot> List() =>
        _jobs.Values.Select(j => j.Snapshot()).OrderByDescending(s => s.StartedAt).ToList();

    private async Task RunAsync(IngestionJob job, bool prune, CancellationToken stopping)
    {
        try
        {
            await _oneAtATime.WaitAsync(stopping);
            try
            {
                var pipeline = services.GetRequiredService<IngestionPipeline>();
                var summary = await pipeline.IngestAsync(job.Paths, prune, new InlineProgress(job.Report), stopping);
                job.Finish(summary);
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        catch (Exception ex)
        {
            var cancelled = ex is OperationCanceledException && stopping.IsCancellationRequested;
            if (!cancelled)
                logger.LogError(ex, "Ingestion job {Job} failed", job.Id);
            job.Fail(ex, cancelled);
        }
    }

    /// <summary>Keeps the newest finished jobs only, so a long-running server does not grow without bound.</summary>
    private void Forget()
    {
        foreach (var old in _jobs.Values.Select(j => j.Snapshot()).Where(s => s.State != JobState.Running)
                     .OrderByDescending(s => s.StartedAt).Skip(JobsKept))
            _jobs.TryRemove(old.Id, out _);
    }

    /// <summary>Reports synchronously on the pipeline's thread (Progress&lt;T&gt; would post and could reorder).</summary>
    private sealed class InlineProgress(Action<IngestionProgress> report) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value) => report(value);
    }
}
