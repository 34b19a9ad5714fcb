using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using GraphRag.Store;

namespace GraphRag.Web.Ingestion;

/// <summary>
/// Ingestion jobs in the database (Ingestion/Migrations), so the job list and each job's file
/// report survive a restart. Each change of a job overwrites its row; only the newest are kept.
/// </summary>
public sealed class JobHistory(GraphRagDatabase database)
{
    /// <summary>The web app's tables, applied with the core's when the database opens.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Migrator.In(typeof(JobHistory).Assembly);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Save(JobSnapshot job)
    {
        using var connection = database.Open();
        connection.Execute("""
            INSERT INTO ingestion_jobs (id, started_at, snapshot) VALUES ($id, $startedAt, $snapshot)
            ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot
            """, new { id = job.Id, startedAt = job.StartedAt.UtcDateTime.ToString("O"), snapshot = JsonSerializer.Serialize(job, Json) });
    }

    /// <summary>The newest jobs, newest first.</summary>
    public IReadOnlyList<JobSnapshot> Newest(int count)
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT snapshot FROM ingestion_jobs ORDER BY started_at DESC, id DESC LIMIT $count", new { count })
            .Select(json => JsonSerializer.Deserialize<JobSnapshot>(json, Json)!)
            .ToList();
    }

    /// <summary>Deletes all but the newest <paramref name="kept"/> jobs.</summary>
    public void Trim(int kept)
    {
        using var connection = database.Open();
        connection.Execute("""
            DELETE FROM ingestion_jobs WHERE id NOT IN (SELECT id FROM ingestion_jobs ORDER BY started_at DESC, id DESC LIMIT $kept)
            """, new { kept });
    }
}
