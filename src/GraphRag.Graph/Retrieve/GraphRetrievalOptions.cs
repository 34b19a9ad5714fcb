namespace GraphRag.Graph.Retrieve;

/// <summary>Bound from "GraphRag:Graph:Retrieval".</summary>
public sealed class GraphRetrievalOptions
{
    /// <summary>Probability that the walk follows an edge rather than restarting at the question's entities.</summary>
    public double Damping { get; set; } = 0.5;
}
