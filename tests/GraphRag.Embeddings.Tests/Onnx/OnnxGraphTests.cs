using GraphRag.Embeddings.Bert;
using GraphRag.Embeddings.Onnx;

namespace GraphRag.Embeddings.Tests.Onnx;

/// <summary>
/// The protobuf reader on the packaged models. Expected counts and shapes come from the onnx Python package
/// (Debian python3-onnx 1.12, onnx.load on the same bytes): arctic-embed-xs has 101 initializers, all-MiniLM-L6-v2
/// 148 (it also keeps position_ids and a pooler), 12 heads of 32, 6 layers, 1536-wide feed-forward, LayerNorm epsilon 1e-12.
/// </summary>
public class OnnxGraphTests
{
    private static readonly Lazy<OnnxGraph> Arctic = new(() => OnnxGraph.Read(PretrainedBertModels.ArcticEmbedXs().Model, "arctic"));
    private static readonly Lazy<OnnxGraph> MiniLm = new(() => OnnxGraph.Read(PretrainedBertModels.AllMiniLmL6V2().Model, "minilm"));

    [Fact]
    public void The_packaged_models_initializers_inputs_and_outputs_are_read()
    {
        Assert.Equal(101, Arctic.Value.Initializers.Count);
        Assert.Equal(148, MiniLm.Value.Initializers.Count);
        Assert.Equal(["input_ids", "attention_mask", "token_type_ids"], Arctic.Value.Inputs);
        Assert.Contains("last_hidden_state", MiniLm.Value.Outputs);
        var words = Arctic.Value.Initializers["embeddings.word_embeddings.weight"];
        Assert.Equal([30522L, 384L], words.Dims);
        Assert.Equal(30522 * 384, words.Floats!.Length);
        Assert.Equal(OnnxTensor.ElementType.Int64, MiniLm.Value.Initializers["embeddings.position_ids"].DataType);
        Assert.Equal(Enumerable.Range(0, 512).Select(i => (long)i), MiniLm.Value.Initializers["embeddings.position_ids"].Int64s!);
    }

    [Fact]
    public void The_bert_weights_come_out_with_the_models_configuration()
    {
        foreach (var graph in new[] { Arctic.Value, MiniLm.Value })
        {
            var weights = BertWeights.FromOnnx(graph);
            Assert.Equal(384, weights.Hidden);
            Assert.Equal(12, weights.Heads);
            Assert.Equal(32, weights.HeadDim);
            Assert.Equal(1536, weights.Intermediate);
            Assert.Equal(6, weights.Layers.Length);
            Assert.Equal(512, weights.MaxPositions);
            Assert.Equal(1e-12f, weights.LayerNormEpsilon);
        }
    }

    [Fact]
    public void A_truncated_model_is_reported_with_its_source()
    {
        var bytes = PretrainedBertModels.AllMiniLmL6V2().Model;
        var ex = Assert.Throws<InvalidDataException>(() => OnnxGraph.Read(bytes.AsSpan(0, bytes.Length / 2), "/models/cut/model.onnx"));
        Assert.Contains("/models/cut/model.onnx", ex.Message);
    }
}
