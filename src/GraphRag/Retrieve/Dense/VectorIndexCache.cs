using Dapper;
using GraphRag.Store;
using Microsoft.Data.Sqlite;

namespace GraphRag.Retrieve.Dense;

/// <summary>
/// Loads the stored vectors into an <see cref="ExactVectorIndex"/> once, and again only after
/// another connection has committed a change (SQLite's data_version), so a long-running server sees
/// new ingestions without rescanning the table on every query.
/// </summary>
public sealed class VectorIndexCache(GraphRagDatabase database) : IDisposable
{
    private readonly Lock _lock = new();
    private SqliteConnection? _watch;
    private long _loadedVersion = -1;
    private ExactVectorIndex? _index;

    public IVectorIndex Get()
    {
        lock (_lock)
        {
            _watch ??= database.Open();
            var version = _watch.ExecuteScalar<long>("PRAGMA data_version");
            if (_index is null || version != _loadedVersion)
            {
                _index = Load(_watch);
                _loadedVersion = version;
            }
            return _index;
        }
    }

    public static ExactVectorIndex Load(SqliteConnection connection)
    {
        var rows = connection.Query<(long ChunkId, string Format, double Scale, byte[] Vector)>(
            "SELECT chunk_id, format, scale, vector FROM chunk_embeddings ORDER BY chunk_id, window").AsList();
        if (rows.Count == 0)
            return new ExactVectorIndex([], [], 1);
        var dimensions = VectorCodec.Dimensions(rows[0].Vector.Length, VectorCodec.Parse(rows[0].Format));
        var matrix = new float[rows.Count * dimensions];
        var ids = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var format = VectorCodec.Parse(rows[i].Format);
            if (VectorCodec.Dimensions(rows[i].Vector.Length, format) != dimensions)
                throw new InvalidDataException($"{connection.DataSource}: chunk {rows[i].ChunkId} has a vector of another size; re-ingest with one encoder.");
            VectorCodec.Decode(rows[i].Vector, format, (float)rows[i].Scale, matrix.AsSpan(i * dimensions, dimensions));
            ids[i] = rows[i].ChunkId;
        }
        return new ExactVectorIndex(matrix, ids, dimensions);
    }

    public void Dispose() => _watch?.Dispose();
}
