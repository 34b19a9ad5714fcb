namespace GraphRag.Embeddings.Bert;

/// <summary>Which side of retrieval a text is on: models such as arctic-embed prefix queries with an instruction and leave documents as they are.</summary>
public enum EmbeddingRole
{
    Document,
    Query,
}
