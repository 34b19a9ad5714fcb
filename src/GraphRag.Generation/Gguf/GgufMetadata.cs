using System.Globalization;

namespace GraphRag.Generation.Gguf;

/// <summary>
/// The key/value metadata of a GGUF file. Values keep their .NET counterpart of the GGUF type
/// (uint for u32, float for f32, string[] for an array of strings, ...); the typed getters
/// accept any integer width, because writers differ in which one they use for the same key.
/// </summary>
public sealed class GgufMetadata
{
    private readonly Dictionary<string, object> _values;

    public GgufMetadata(string source, IEnumerable<KeyValuePair<string, object>> values)
    {
        Source = source;
        _values = new Dictionary<string, object>(values, StringComparer.Ordinal);
    }

    /// <summary>The file the metadata came from, for error messages.</summary>
    public string Source { get; }

    public IReadOnlyDictionary<string, object> Values => _values;

    public bool Contains(string key) => _values.ContainsKey(key);

    public object? Get(string key) => _values.GetValueOrDefault(key);

    public string? GetString(string key) => Get(key) switch
    {
        null => null,
        string s => s,
        var other => throw WrongType(key, "a string", other),
    };

    public string GetRequiredString(string key) => GetString(key) ?? throw Missing(key);

    public long? GetInteger(string key) => Get(key) switch
    {
        null => null,
        byte or sbyte or ushort or short or uint or int or long => Convert.ToInt64(Get(key), CultureInfo.InvariantCulture),
        ulong u when u <= long.MaxValue => (long)u,
        var other => throw WrongType(key, "an integer", other),
    };

    public int GetRequiredInt(string key) => checked((int)(GetInteger(key) ?? throw Missing(key)));

    public double? GetFloat(string key) => Get(key) switch
    {
        null => null,
        float f => f,
        double d => d,
        var other when other is not bool and not string and not Array => Convert.ToDouble(other, CultureInfo.InvariantCulture),
        var other => throw WrongType(key, "a number", other),
    };

    public bool? GetBool(string key) => Get(key) switch
    {
        null => null,
        bool b => b,
        var other => throw WrongType(key, "a bool", other),
    };

    /// <summary>An array value of element type <typeparamref name="T"/>, or null when absent.</summary>
    public T[]? GetArray<T>(string key) => Get(key) switch
    {
        null => null,
        T[] array => array,
        var other => throw WrongType(key, $"an array of {typeof(T).Name}", other),
    };

    private InvalidDataException Missing(string key) =>
        new($"{Source}: required GGUF metadata key '{key}' is missing.");

    private InvalidDataException WrongType(string key, string expected, object actual) =>
        new($"{Source}: GGUF metadata '{key}' should be {expected} but is {actual.GetType().Name}.");
}
