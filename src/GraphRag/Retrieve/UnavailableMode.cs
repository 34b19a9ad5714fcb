namespace GraphRag.Retrieve;

/// <summary>A retrieval mode this process cannot offer, and why (shown when someone asks for it).</summary>
public sealed record UnavailableMode(string Mode, string Reason);
