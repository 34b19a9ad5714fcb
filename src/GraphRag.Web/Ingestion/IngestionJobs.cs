using System.Collections.Concurrent;
using GraphRag.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphRag.Web.Ingestion;

/// <summary>
/// Runs ingestion jobs in the background, so that a request returns at once with a job id to
/// follow. Jobs run side by side (each file's slow work happens outside the write transaction,
/// and writers wait for each other), so a large folder never holds up an upload; at most
/// <see cref="WebAppOptions.MaxRunningJobs"/> run at once. A job stops when a client cancels it or
/// the server stops, never because the client that started it went away. Every change of a job is
/// saved (<see cref="JobHistory"/>), so the list survives a restart.
/// </summary>
public sealed class IngestionJobs
{
    private const int JobsKept = 20;

    private readonly ConcurrentDictionary<string, IngestionJob> _jobs = new();
    private readonly Lock _starting = new();
    private readonly IServiceProvider _services;
    private readonly WebAppOptions _options;
    private readonly JobHistory _history;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<IngestionJobs> _logger;
    private int _counter;

    public IngestionJobs(IServiceProvider services, WebAppOptions options, JobHistory history, IHostApplicationLifetime lifetime, ILogger<IngestionJobs> logger)
    {
        _services = services;
        _options = options;
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

    /// <summary>Checks that a job could start now, before a request does work for it (saving an upload).</summary>
    /// <exception cref="TooManyJobsException"><see cref="WebAppOptions.MaxRunningJobs"/> jobs are running already.</exception>
    public void RequireRoom()
    {
        var running = _jobs.Values.Count(j => j.Snapshot().State == JobState.Running);
        if (running >= _options.MaxRunningJobs)
            throw new TooManyJobsException(
                $"{running} ingestion job{(running == 1 ? " is" : "s are")} running, the most this server runs at once: " +
                "wait for one to finish or cancel one (POST /api/ingest/jobs/{id}/cancel).");
    }

    /// <param name="replace">Forget what the sources gave before reading them again: a re-ingest that does not skip unchanged files.</param>
    /// <exception cref="TooManyJobsException"><see cref="WebAppOptions.MaxRunningJobs"/> jobs are running already.</exception>
    public IngestionJob Start(string label, SourceSelection sources, bool prune, bool replace = false)
    {
        IngestionJob job;
        lock (_starting)
        {
            RequireRoom();
            job = new IngestionJob($"job-{Interlocked.Increment(ref _counter)}", label, sources);
            _jobs[job.Id] = job;
        }
        Save(job);
        Forget();
        _ = Task.Run(() => RunAsync(job, prune, replace));
        return job;
    }

    public IngestionJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public IReadOnlyList<JobSnapshot> List() =>
        _jobs.Values.Select(j => j.Snapshot()).OrderByDescending(s => s.StartedAt).ToList();

    private async Task RunAsync(IngestionJob job, bool prune, bool replace)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(job.Cancelled, _lifetime.ApplicationStopping);
        try
        {
            var pipeline = _services.GetRequiredService<IngestionPipeline>();
            if (replace)
                await pipeline.ForgetAsync(job.Sources.Files, stop.Token);
            var summary = await pipeline.IngestAsync(job.Sources, prune, new InlineProgress(progress =>
            {
                job.Report(progress);
                Save(job);
            }), stop.Token);
            foreach (var warning in summary.Warnings)
                _logger.LogWarning("Ingestion job {Job}: {Warning}", job.Id, warning);
            job.Finish(summary);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            job.Stop(job.Cancelled.IsCancellationRequested
                ? "Cancelled by a client; the files written before it stopped are kept."
                : "Cancelled: the server is shutting down.");
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Ingestion job {Job} failed", job.Id);
            job.Fail($"{ex.GetType().Name}: {ex.Message}");
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

/// <summary>Too many ingestion jobs are running: answered 429 with the reason.</summary>
public sealed class TooManyJobsException(string message) : Exception(message);
