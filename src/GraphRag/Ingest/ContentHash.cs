using System.Security.Cryptography;
using System.Text;

namespace GraphRag.Ingest;

/// <summary>SHA-256 fingerprints that decide what a re-run may skip.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Fields joined with a separator that cannot occur in text, so ("ab","c") ≠ ("a","bc").</summary>
    public static string Of(params string?[] fields) => Of(Encoding.UTF8.GetBytes(string.Join('\u0001', fields.Select(f => f ?? "\u0002"))));
}
