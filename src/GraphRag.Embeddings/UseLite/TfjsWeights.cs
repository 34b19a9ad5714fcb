using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace GraphRag.Embeddings.UseLite;

/// <summary>One named weight of a TF.js graph model: its shape and values (float32, or int32 widened).</summary>
public sealed record TfjsWeight(string Name, int[] Shape, float[]? Floats, int[]? Ints);

/// <summary>
/// Reads the weights of a TF.js graph model: <c>model.json</c>'s <c>weightsManifest</c> lists the
/// weights in storage order, and their bytes are the manifest's shard files concatenated
/// (little-endian, C order, no padding between weights).
/// </summary>
public static class TfjsWeights
{
    public static IReadOnlyDictionary<string, TfjsWeight> Load(string modelJsonPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!;
        using var document = ParseModelJson(modelJsonPath);
        if (!document.RootElement.TryGetProperty("weightsManifest", out var manifest) || manifest.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{modelJsonPath}: no 'weightsManifest' array; is this a TF.js graph model?");

        var weights = new Dictionary<string, TfjsWeight>(StringComparer.Ordinal);
        foreach (var group in manifest.EnumerateArray())
        {
            var bytes = ReadShards(directory, modelJsonPath, group);
            long offset = 0;
            foreach (var entry in group.GetProperty("weights").EnumerateArray())
            {
                var weight = ReadWeight(entry, bytes, ref offset, modelJsonPath);
                weights[weight.Name] = weight;
            }
            if (offset != bytes.Length)
                throw new InvalidDataException($"{modelJsonPath}: the manifest describes {offset} bytes but the shards hold {bytes.Length}.");
        }
        return weights;
    }

    private static JsonDocument ParseModelJson(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"TF.js model file not found: {path}", path);
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({ex.Message}).", ex);
        }
    }

    private static byte[] ReadShards(string directory, string modelJsonPath, JsonElement group)
    {
        using var buffer = new MemoryStream();
        foreach (var shard in group.GetProperty("paths").EnumerateArray())
        {
            var path = Path.Combine(directory, shard.GetString()!);
            if (!File.Exists(path))
                throw new FileNotFoundException($"Weight shard {path} listed in {modelJsonPath} is missing.", path);
            using var stream = File.OpenRead(path);
            stream.CopyTo(buffer);
        }
        return buffer.ToArray();
    }

    private static TfjsWeight ReadWeight(JsonElement entry, byte[] bytes, ref long offset, string modelJsonPath)
    {
        var name = entry.GetProperty("name").GetString()!;
        if (entry.TryGetProperty("quantization", out _))
            throw new NotSupportedException($"{modelJsonPath}: weight '{name}' is quantized; only float32/int32 weights are supported.");
        var shape = entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var dtype = entry.GetProperty("dtype").GetString();
        if (offset + count * 4 > bytes.Length)
            throw new InvalidDataException($"{modelJsonPath}: weight '{name}' runs past the end of its shards (truncated download?).");

        var span = bytes.AsSpan((int)offset, (int)(count * 4));
        offset += count * 4;
        switch (dtype)
        {
            case "float32":
                var floats = new float[count];
                if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, float>(span).CopyTo(floats);
                else for (var i = 0; i < floats.Length; i++) floats[i] = BinaryPrimitives.ReadSingleLittleEndian(span[(i * 4)..]);
                return new TfjsWeight(name, shape, floats, null);
            case "int32":
                var ints = new int[count];
                for (var i = 0; i < ints.Length; i++) ints[i] = BinaryPrimitives.ReadInt32LittleEndian(span[(i * 4)..]);
                return new TfjsWeight(name, shape, null, ints);
            default:
                throw new NotSupportedException($"{modelJsonPath}: weight '{name}' has dtype '{dtype}'; only float32 and int32 are supported.");
        }
    }
}
