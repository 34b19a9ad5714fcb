namespace GraphRag.Retrieve;

/// <summary>A query that cannot be searched (no words, too long, a bad depth); the message says why.</summary>
public sealed class QueryException(string message) : ArgumentException(message);
