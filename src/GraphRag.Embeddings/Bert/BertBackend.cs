namespace GraphRag.Embeddings.Bert;

/// <summary>What runs the model's forward pass. Both read the same model.onnx and give the same vectors (to 1e-4 per component; tests check it).</summary>
public enum BertBackend
{
    /// <summary>ONNX Runtime (Microsoft.ML.OnnxRuntime), the reference.</summary>
    Onnx,

    /// <summary>Our forward pass on GraphRag.Engine's kernels, with the weights read out of model.onnx.</summary>
    Engine,
}
