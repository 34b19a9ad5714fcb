namespace GraphRag.Graph.Store;

/// <summary>The graph server could not be reached or refused us; the message says what to do.</summary>
public sealed class GraphStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
