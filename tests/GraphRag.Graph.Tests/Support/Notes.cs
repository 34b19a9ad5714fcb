namespace GraphRag.Graph.Tests.Support;

/// <summary>Short notes in the corpus's style, for ingestion tests.</summary>
public static class Notes
{
    public const string Ranking = """
        # Ranking metrics

        Recommendation systems are everywhere. Normalized Discounted Cumulative Gain (NDCG) is a ranking metric for evaluating recommendation systems.

        NDCG is a rank-aware metric. The ranking model uses NDCG during offline evaluation, and Mean Reciprocal Rank (MRR) measures the rank of the first relevant item.

        Spotify and Netflix use recommendation systems in their apps.
        """;

    public const string Graphs = """
        # Knowledge graphs

        Google, Microsoft, and LinkedIn are using Graph RAG. A Knowledge Graph (KG) is a structured representation of information.

        Retrieval-Augmented Generation (RAG) systems for Large Language Models (LLMs) query a knowledge graph. Graph RAG uses Personalized PageRank over the knowledge graph.
        """;

    public const string Transformers = """
        # Transformers

        Before the transformer model, Recurrent Neural Networks (RNNs) were largely used for language generation.

        The transformer model uses self-attention. Self-attention compares each element of the input sequence; the transformer model outperforms RNNs on long sequences.
        """;
}
