using GraphRag.Ingest;

namespace GraphRag.Web.Ingestion;

public enum JobState { Running, Completed, Failed, Cancelled }

/// <summary>
/// One ingestion run started from the web: what it was asked to read and how far it has come.
/// Updated by the run's thread, read by any number of pollers and event streams.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The cancellation source lives as long as the job's record, which is kept for listing after the job ends; it holds no timer or wait handle until one is asked for.")]
public sealed class IngestionJob(string id, string label, SourceSelection sources)
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancel = new();
    private readonly List<FileReport> _files = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JobState _state = JobState.Running;
    private int _filesTotal;
    private string? _error;
    private IReadOnlyList<string> _warnings = [];
    private DateTimeOffset? _finishedAt;

    public string Id { get; } = id;

    public SourceSelection Sources { get; } = sources;

    /// <summary>Cancelled by a client (<see cref="Cancel"/>); the job also stops when the server does.</summary>
    public CancellationToken Cancelled => _cancel.Token;

    public JobSnapshot Snapshot()
    {
        lock (_gate)
            return new JobSnapshot(Id, label, _state, _files.Count, Math.Max(_filesTotal, _files.Count), _files.ToList(), _error,
                _warnings, StartedAt, _finishedAt, Version);
    }

    /// <summary>
    /// Asks the job to stop after the file it is writing (each file is its own transaction, so what
    /// was written stays and nothing is half-written).
    /// </summary>
    /// <returns>False when the job had already finished.</returns>
    public bool Cancel()
    {
        lock (_gate)
        {
            if (_state != JobState.Running)
                return false;
        }
        _cancel.Cancel();
        return true;
    }

    public DateTimeOffset StartedAt { get; private init; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// A job read back from the history: finished as it was, or, when the server stopped while it
    /// ran, cancelled (nothing resumes it; ingesting the same paths again picks up where it stopped).
    /// </summary>
    public static IngestionJob Restore(JobSnapshot saved)
    {
        var job = new IngestionJob(saved.Id, saved.Label, new SourceSelection(saved.Files.Select(f => f.Path).ToList(), 0, [])) { StartedAt = saved.StartedAt };
        job._files.AddRange(saved.Files);
        job._filesTotal = saved.FilesTotal;
        job._state = saved.State == JobState.Running ? JobState.Cancelled : saved.State;
        job._error = saved.State == JobState.Running ? "Cancelled: the server stopped before the job finished." : saved.Error;
        job._finishedAt = saved.FinishedAt ?? (saved.State == JobState.Running ? DateTimeOffset.UtcNow : null);
        job.Version = saved.Version;
        return job;
    }

    /// <summary>Counts every change, so a stream can tell whether it has sent the latest state.</summary>
    public int Version { get; private set; }

    /// <summary>Completes at the next change (or at once when the job has already finished).</summary>
    public Task NextChange()
    {
        lock (_gate)
            return _state == JobState.Running ? _changed.Task : Task.CompletedTask;
    }

    internal void Report(IngestionProgress progress) =>
        Update(() =>
        {
            _filesTotal = progress.FilesTotal;
            _files.Add(FileReport.From(progress.Last));
        });

    internal void Finish(IngestionSummary summary) =>
        Update(() =>
        {
            // Pruned files are reported only in the summary; add them so the job lists everything it did.
            foreach (var outcome in summary.Files.Where(f => f.Status == FileStatus.Pruned))
                _files.Add(FileReport.From(outcome));
            _warnings = summary.Warnings;
            _state = JobState.Completed;
            _finishedAt = DateTimeOffset.UtcNow;
        });

    internal void Fail(string error) =>
        Update(() =>
        {
            _state = JobState.Failed;
            _error = error;
            _finishedAt = DateTimeOffset.UtcNow;
        });

    internal void Stop(string reason) =>
        Update(() =>
        {
            _state = JobState.Cancelled;
            _error = reason;
            _finishedAt = DateTimeOffset.UtcNow;
        });

    private void Update(Action change)
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            change();
            Version++;
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.TrySetResult();
    }
}

/// <summary>A job's state at one moment, as the API returns it.</summary>
public sealed record JobSnapshot(
    string Id,
    string Label,
    JobState State,
    int FilesDone,
    int FilesTotal,
    IReadOnlyList<FileReport> Files,
    string? Error,
    IReadOnlyList<string> Warnings,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int Version)
{
    public int ArticlesAdded => Files.Sum(f => f.ArticlesAdded);
    public int ArticlesUpdated => Files.Sum(f => f.ArticlesUpdated);
    public int ChunksWritten => Files.Sum(f => f.ChunksWritten);
    public int FilesFailed => Files.Count(f => f.Status == FileStatus.Failed);
}

/// <summary>One file's outcome, without the reader's internals.</summary>
public sealed record FileReport(string Path, FileStatus Status, int ArticlesAdded, int ArticlesUpdated, int ArticlesRemoved, int ChunksWritten, string? Error)
{
    public static FileReport From(FileOutcome outcome) =>
        new(outcome.Path, outcome.Status, outcome.ArticlesAdded, outcome.ArticlesUpdated, outcome.ArticlesRemoved, outcome.ChunksWritten, outcome.Error);
}
