using Microsoft.Data.Sqlite;

namespace GraphRag.Store;

/// <summary>
/// How long a writer waits for another before giving up: SQLite's busy timeout on each attempt to
/// take the write lock, then a bounded number of further attempts after a doubling pause. A writer
/// that still finds the database locked (another process holding a long transaction) fails with
/// <see cref="DatabaseBusyException"/>, which says so, instead of SQLite's "database is locked".
/// </summary>
/// <param name="Timeout">How long one attempt waits (SQLite's busy_timeout and the driver's command timeout), in whole seconds, at least one.</param>
/// <param name="Retries">Attempts after the first.</param>
/// <param name="FirstPause">The pause before the first retry; each later pause doubles.</param>
public sealed record BusyPolicy(TimeSpan Timeout, int Retries, TimeSpan FirstPause)
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>30 s per attempt and 3 retries: a writer gives up after about two minutes.</summary>
    public static BusyPolicy Default { get; } = new(TimeSpan.FromSeconds(30), 3, TimeSpan.FromSeconds(1));

    /// <summary>One attempt's wait in whole seconds: the driver counts its command timeout in seconds.</summary>
    public int AttemptSeconds => Math.Max(1, (int)Math.Ceiling(Timeout.TotalSeconds));

    /// <summary>The longest a caller can wait in all, pauses included.</summary>
    public TimeSpan MaxWait => TimeSpan.FromSeconds(AttemptSeconds) * (Retries + 1) + FirstPause * ((1 << Retries) - 1);

    /// <summary>
    /// Runs <paramref name="attempt"/>, again after a pause while SQLite answers busy. Only for steps
    /// that change nothing when they fail busy (taking the write lock, a whole migration transaction).
    /// </summary>
    /// <exception cref="DatabaseBusyException">Still busy after every retry.</exception>
    public T Run<T>(string databasePath, Func<T> attempt)
    {
        var pause = FirstPause;
        for (var retry = 0; ; retry++)
        {
            try
            {
                return attempt();
            }
            catch (SqliteException ex) when (IsBusy(ex))
            {
                if (retry >= Retries)
                    throw new DatabaseBusyException(
                        $"{databasePath} is busy: another process kept it locked for over {MaxWait.TotalSeconds:F0} s. " +
                        "Try again once it has finished.", ex);
                Thread.Sleep(pause);
                pause *= 2;
            }
        }
    }

    public static bool IsBusy(SqliteException ex) => ex.SqliteErrorCode is SqliteBusy or SqliteLocked;
}

/// <summary>The database stayed locked by another writer longer than <see cref="BusyPolicy"/> waits: an expected condition, not a bug.</summary>
public sealed class DatabaseBusyException(string message, Exception inner) : IOException(message, inner);
