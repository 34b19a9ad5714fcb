namespace GraphRag.Retrieve;

/// <summary>A retrieval mode this process cannot offer, and why (shown when someone asks for it).</summary>
public sealed record UnavailableMode(string Mode, string Reason);

/// <summary>A mode that cannot answer now (unknown, switched off, or with nothing indexed); the message says why.</summary>
public sealed class UnavailableModeException(string mode, string message) : ArgumentException(message)
{
    public string Mode { get; } = mode;

    public static UnavailableModeException Off(string mode, string reason) => new(mode, $"Search mode '{mode}' is unavailable: {reason}");
}
