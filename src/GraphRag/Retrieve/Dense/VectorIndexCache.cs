using Dapper;
using GraphRag.Store;
using Microsoft.Data.Sqlite;

namespace GraphRag.Retrieve.Dense;

/// <summary>An index of one model's vectors, and that model's identity.</summary>
public sealed record ModelIndex(string? ModelId, IVectorIndex Index);

/// <summary>
/// Loads the stored vectors of one model into an <see cref="ExactVectorIndex"/> once, and again only
/// after another connection has committed a change (SQLite's data_version), so a long-running server
/// sees new ingestions without rescanning the table on every query. Vectors of two models never share
/// an index: the preferred (configured) model's when the database holds any, else the model with the
/// most vectors (a database embedded by another model, not yet re-ingested).
/// </summary>
public sealed class VectorIndexCache(GraphRagDatabase database) : IDisposable
{
    private readonly Lock _lock = new();
    private SqliteConnection? _watch;
    private long _loadedVersion = -1;
    private ModelIndex? _loaded;

    public ModelIndex Get(string preferredModel)
    {
        lock (_lock)
        {
            _watch ??= database.Open();
            var version = _watch.ExecuteScalar<long>("PRAGMA data_version");
            if (_loaded is null || version != _loadedVersion)
            {
                _loaded = Load(_watch, preferredModel);
                _loadedVersion = version;
            }
            return _loaded;
        }
    }

    /// <summary>Vector counts by model, most first.</summary>
    public static IReadOnlyList<(string Model, long Vectors)> Models(SqliteConnection connection) =>
        connection.Query<(string, long)>("SELECT model, count(*) FROM chunk_embeddings GROUP BY model ORDER BY count(*) DESC, model").AsList();

    public static ModelIndex Load(SqliteConnection connection, string preferredModel)
    {
        var models = Models(connection);
        if (models.Count == 0)
            return new ModelIndex(null, new ExactVectorIndex([], [], 1));
        var model = models.Any(m => m.Model == preferredModel) ? preferredModel : models[0].Model;
        var rows = connection.Query<(long ChunkId, string Format, double Scale, byte[] Vector)>(
            "SELECT chunk_id, format, scale, vector FROM chunk_embeddings WHERE model = $model ORDER BY chunk_id, window", new { model }).AsList();
        var dimensions = VectorCodec.Dimensions(rows[0].Vector.Length, VectorCodec.Parse(rows[0].Format));
        var matrix = new float[rows.Count * dimensions];
        var ids = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var format = VectorCodec.Parse(rows[i].Format);
            if (VectorCodec.Dimensions(rows[i].Vector.Length, format) != dimensions)
                throw new InvalidDataException($"{connection.DataSource}: chunk {rows[i].ChunkId} has a vector of another size than model {model}'s others; re-run `graphrag ingest`.");
            VectorCodec.Decode(rows[i].Vector, format, (float)rows[i].Scale, matrix.AsSpan(i * dimensions, dimensions));
            ids[i] = rows[i].ChunkId;
        }
        return new ModelIndex(model, new ExactVectorIndex(matrix, ids, dimensions));
    }

    public void Dispose() => _watch?.Dispose();
}
