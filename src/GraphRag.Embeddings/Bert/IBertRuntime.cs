namespace GraphRag.Embeddings.Bert;

/// <summary>A BERT forward pass plus pooling: token id sequences ([CLS] … [SEP]) in, unit sentence vectors out.</summary>
internal interface IBertRuntime : IDisposable
{
    /// <summary>Length of the hidden states, and so of the sentence vectors.</summary>
    int Dimensions { get; }

    /// <summary>Rows of the position table: the longest sequence the model can read.</summary>
    int MaxPositions { get; }

    /// <summary>One L2-normalised vector per sequence, computed as one batch; a vector does not depend on the other sequences of its batch.</summary>
    float[][] Embed(IReadOnlyList<int[]> sequences, BertPooling pooling);
}
