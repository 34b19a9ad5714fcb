namespace GraphRag.Embeddings.Bert;

/// <summary>How a sentence vector is made from the model's last hidden states.</summary>
public enum BertPooling
{
    /// <summary>The hidden state of the first token, [CLS] (arctic-embed).</summary>
    Cls,

    /// <summary>The average of the hidden states of every token the attention mask covers, [CLS] and [SEP] included (sentence-transformers' mean pooling).</summary>
    Mean,
}
