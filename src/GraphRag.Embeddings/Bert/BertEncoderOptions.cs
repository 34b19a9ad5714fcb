namespace GraphRag.Embeddings.Bert;

/// <summary>A BERT sentence encoder's settings, as configuration binds them.</summary>
public sealed class BertEncoderOptions
{
    /// <summary>"arctic-embed-xs", "all-minilm-l6-v2", or a folder holding model.onnx and vocab.txt or tokenizer.json.</summary>
    public string Model { get; set; } = PretrainedBertModels.ArcticEmbedXsName;

    /// <summary>"onnx" (ONNX Runtime) or "engine" (GraphRag.Engine).</summary>
    public string Backend { get; set; } = "onnx";

    /// <summary>Texts encoded together.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Threads per batch; null means all cores.</summary>
    public int? Threads { get; set; }

    /// <summary>Checks the values once, with a message that says what to change.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Model))
            throw new ArgumentException($"The encoder model is empty; set it to {string.Join(" or ", PretrainedBertModels.Names)}, or to a folder with model.onnx and vocab.txt.");
        ParseBackend();
        if (BatchSize < 1) throw new ArgumentException($"The encoder batch size is {BatchSize}; it must be at least 1.");
        if (Threads is < 1) throw new ArgumentException($"The encoder threads are {Threads}; leave it unset for all cores or give at least 1.");
    }

    public BertBackend ParseBackend() => Backend.Trim().ToLowerInvariant() switch
    {
        "onnx" => BertBackend.Onnx,
        "engine" => BertBackend.Engine,
        _ => throw new ArgumentException($"The encoder backend is \"{Backend}\"; it must be \"onnx\" (ONNX Runtime) or \"engine\" (GraphRag.Engine)."),
    };
}
