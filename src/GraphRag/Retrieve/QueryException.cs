namespace GraphRag.Retrieve;

/// <summary>A query that cannot be searched (no words, too long); the message says why.</summary>
public sealed class QueryException(string message) : ArgumentException(message);
