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
/// Every change of a job is saved (<see cref="JobHistory"/>), so the list survives a restart.
/// </summary>
public sealed class IngestionJobs
{
    private const int JobsKept = 20;

    private readonly ConcurrentDictionary<string, IngestionJob> _jobs = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly IServiceProvider _services;
    private readonly JobHistory _history;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<IngestionJobs> _logger;
    private int _counter;

    public IngestionJobs(IServiceProvider services, JobHistory history, IHostApplicationLifetime lifetime, ILogger<IngestionJobs> logger)
    {
        _services = services;
        _history = history;
        _lifetime = lifetime;
        _logger = logger;
        foreach (var saved in history.Newest(JobsKept))
        {
            var job = IngestionJob.Restore(saved);
            _jobs[job.Id] = job;
            if (saved.State == JobState.Running)
                history.Save(job.Snapshot());
            if (saved.Id.StartsWith("job-", StringComparison.Ordinal) && int.TryParse(saved.Id.AsSpan(4), out var n))
                _counter = Math.Max(_counter, n);
        }
    }

    /// <param name="replace">Forget what the paths gave before reading them again: a re-ingest that does not skip unchanged files.</param>
    public IngestionJob Start(string label, IReadOnlyList<string> paths, bool prune, bool replace = false)
    {
        var job = new IngestionJob($"job-{Interlocked.Increment(ref _counter)}", label, paths);
        _jobs[job.Id] = job;
        _history.Save(job.Snapshot());
        Forget();
        _ = Task.Run(() => RunAsync(job, prune, replace, _lifetime.ApplicationStopping));
        return job;
    }

    public IngestionJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public IReadOnlyList<JobSnapshot> List() =>
        _jobs.Values.Select(j => j.Snapshot()).OrderByDescending(s => s.StartedAt).ToList();

    private async Task RunAsync(IngestionJob job, bool prune, bool replace, CancellationToken stopping)
    {
        try
        {
            await _oneAtATime.WaitAsync(stopping);
            try
            {
                var pipeline = _services.GetRequiredService<IngestionPipeline>();
                if (replace)
                    await pipeline.ForgetAsync(job.Paths, stopping);
                var summary = await pipeline.IngestAsync(job.Paths, prune, new InlineProgress(progress =>
                {
                    job.Report(progress);
                    Save(job);
                }), stopping);
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
                _logger.LogError(ex, "Ingestion job {Job} failed", job.Id);
            job.Fail(ex, cancelled);
        }
        Save(job);
    }

    /// <summary>A job's final state; a history that cannot be written loses the record, not the ingested notes.</summary>
    private void Save(IngestionJob job)
    {
        try
        {
            _history.Save(job.Snapshot());
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not save ingestion job {Job} to the history", job.Id);
        }
    }

    /// <summary>Keeps the newest finished jobs only, so a long-running server does not grow without bound.</summary>
    private void Forget()
    {
        foreach (var old in _jobs.Values.Select(j => j.Snapshot()).Where(s => s.State != JobState.Running)
                     .OrderByDescending(s => s.StartedAt).Skip(JobsKept))
            _jobs.TryRemove(old.Id, out _);
        _history.Trim(JobsKept);
    }

    /// <summary>Reports synchronously on the pipeline's thread (Progress&lt;T&gt; would post and could reorder).</summary>
    private sealed class InlineProgress(Action<IngestionProgress> report) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value) => report(value);
    }
}
