using GraphRag.Embeddings.Onnx;
using GraphRag.Engine.Kernels;

namespace GraphRag.Embeddings.Bert;

/// <summary>
/// A BERT encoder's parameters, read out of the initializers of a Hugging Face ONNX export. Embedding
/// and LayerNorm tensors are found by their PyTorch names (<c>embeddings.word_embeddings.weight</c>,
/// <c>encoder.layer.N.attention.output.LayerNorm.weight</c>, … with any common prefix such as <c>bert.</c>).
/// Exporters rename the dense weights (<c>onnx::MatMul_788</c>), so each dense layer is found through the
/// graph: the Add that reads its named bias adds it to a MatMul, whose other operand is the weight.
/// The attention heads and the LayerNorm epsilon are read from the graph's constants too.
/// </summary>
public sealed class BertWeights
{
    public required int Hidden { get; init; }
    public required int Heads { get; init; }
    public required int Intermediate { get; init; }
    public required int MaxPositions { get; init; }
    public required int VocabularySize { get; init; }
    public required float LayerNormEpsilon { get; init; }

    public int HeadDim => Hidden / Heads;

    /// <summary>[vocabulary, hidden].</summary>
    public required float[] WordEmbeddings { get; init; }

    /// <summary>[positions, hidden].</summary>
    public required float[] PositionEmbeddings { get; init; }

    /// <summary>Row 0 of the token-type table: every input is one segment.</summary>
    public required float[] TokenTypeEmbedding { get; init; }

    public required Norm EmbeddingNorm { get; init; }

    public required Layer[] Layers { get; init; }

    public sealed record Norm(float[] Scale, float[] Bias);

    /// <summary>One transformer layer (post-LN, as in BERT).</summary>
    public sealed record Layer(PackedLinear Query, PackedLinear Key, PackedLinear Value, PackedLinear AttentionOutput, Norm AttentionNorm,
        PackedLinear FeedForwardUp, PackedLinear FeedForwardDown, Norm OutputNorm);

    public static BertWeights FromOnnx(OnnxGraph graph)
    {
        var source = graph.Source;
        var prefix = FindPrefix(graph);
        OnnxTensor Require(string name) => graph.Initializers.GetValueOrDefault(prefix + name)
            ?? throw new InvalidDataException($"{source}: the initializer '{prefix + name}' is missing; the engine backend reads Hugging Face BERT exports (use backend onnx for other models).");
        OnnxTensor Named(string name, params long[] shape)
        {
            var tensor = Require(name);
            if (!tensor.Dims.SequenceEqual(shape))
                throw new InvalidDataException($"{source}: '{tensor.Name}' has shape {tensor.ShapeText}, expected [{string.Join(", ", shape)}].");
            return tensor;
        }

        var words = Require("embeddings.word_embeddings.weight");
        if (words.Dims.Length != 2) throw new InvalidDataException($"{source}: '{words.Name}' has shape {words.ShapeText}, expected [vocabulary, hidden].");
        var vocabulary = checked((int)words.Dims[0]);
        var hidden = checked((int)words.Dims[1]);
        var positionTable = Require("embeddings.position_embeddings.weight");
        if (positionTable.Dims.Length != 2) throw new InvalidDataException($"{source}: '{positionTable.Name}' has shape {positionTable.ShapeText}, expected [positions, {hidden}].");
        var positions = checked((int)positionTable.Dims[0]);
        var layerCount = CountLayers(graph, prefix);
        if (layerCount == 0) throw new InvalidDataException($"{source}: no '{prefix}encoder.layer.0.*' tensors; is this a BERT encoder?");
        var intermediate = checked((int)Require("encoder.layer.0.intermediate.dense.bias").ElementCount);
        var headDim = AttentionHeadDim(graph);
        if (hidden % headDim != 0) throw new InvalidDataException($"{source}: the attention scale implies {headDim}-wide heads, which do not divide the hidden size {hidden}.");

        Norm NormOf(string name) => new(Named(name + ".weight", hidden).RequireFloats(source), Named(name + ".bias", hidden).RequireFloats(source));
        PackedLinear DenseOf(string name, int inputDim, int outputDim) => Dense(graph, prefix + name, inputDim, outputDim);

        var typeTable = Require("embeddings.token_type_embeddings.weight");
        if (typeTable.Dims.Length != 2 || typeTable.Dims[1] != hidden) throw new InvalidDataException($"{source}: '{typeTable.Name}' has shape {typeTable.ShapeText}, expected [types, {hidden}].");

        var layers = new Layer[layerCount];
        for (var l = 0; l < layerCount; l++)
        {
            var at = $"encoder.layer.{l}.";
            layers[l] = new Layer(
                DenseOf(at + "attention.self.query", hidden, hidden),
                DenseOf(at + "attention.self.key", hidden, hidden),
                DenseOf(at + "attention.self.value", hidden, hidden),
                DenseOf(at + "attention.output.dense", hidden, hidden),
                NormOf(at + "attention.output.LayerNorm"),
                DenseOf(at + "intermediate.dense", hidden, intermediate),
                DenseOf(at + "output.dense", intermediate, hidden),
                NormOf(at + "output.LayerNorm"));
        }

        return new BertWeights
        {
            Hidden = hidden,
            Heads = hidden / headDim,
            Intermediate = intermediate,
            MaxPositions = positions,
            VocabularySize = vocabulary,
            LayerNormEpsilon = FindLayerNormEpsilon(graph),
            WordEmbeddings = words.RequireFloats(source),
            PositionEmbeddings = Named("embeddings.position_embeddings.weight", positions, hidden).RequireFloats(source),
            TokenTypeEmbedding = typeTable.RequireFloats(source)[..hidden],
            EmbeddingNorm = NormOf("embeddings.LayerNorm"),
            Layers = layers,
        };
    }

    /// <summary>The prefix before "embeddings.word_embeddings.weight" ("" for sentence-transformers exports, "bert." for others).</summary>
    private static string FindPrefix(OnnxGraph graph)
    {
        const string suffix = "embeddings.word_embeddings.weight";
        var name = graph.Initializers.Keys.FirstOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidDataException($"{graph.Source}: no '{suffix}' initializer; the engine backend reads Hugging Face BERT exports (use backend onnx for other models).");
        return name[..^suffix.Length];
    }

    private static int CountLayers(OnnxGraph graph, string prefix)
    {
        var count = 0;
        while (graph.Initializers.ContainsKey($"{prefix}encoder.layer.{count}.attention.self.query.bias")) count++;
        return count;
    }

    /// <summary>
    /// The dense layer whose bias is <c>name.bias</c>: Add(MatMul(x, W), bias) with W [in, out] (or W = Transpose(Wt)),
    /// or Gemm(x, W, bias) with transB saying the layout, or a named <c>name.weight</c> in PyTorch's [out, in].
    /// </summary>
    private static PackedLinear Dense(OnnxGraph graph, string name, int inputDim, int outputDim)
    {
        var source = graph.Source;
        if (!graph.Initializers.TryGetValue(name + ".bias", out var biasTensor))
            throw new InvalidDataException($"{source}: the initializer '{name}.bias' is missing.");
        if (biasTensor.ElementCount != outputDim)
            throw new InvalidDataException($"{source}: '{name}.bias' has shape {biasTensor.ShapeText}, expected [{outputDim}].");
        var bias = biasTensor.RequireFloats(source);

        foreach (var consumer in graph.ConsumersOf(biasTensor.Name))
        {
            if (consumer.OpType == "Gemm" && consumer.Inputs.Count == 3 && graph.ConstantValue(consumer.Inputs[1]) is { } gemmWeight)
            {
                var transposed = consumer.NumberAttributes.GetValueOrDefault("transB") != 0;
                return Pack(gemmWeight, bias, inputDim, outputDim, outputMajor: transposed, source);
            }
            if (consumer.OpType != "Add") continue;
            var other = consumer.Inputs[0] == biasTensor.Name ? consumer.Inputs[1] : consumer.Inputs[0];
            if (graph.ProducerOf(other) is not { OpType: "MatMul" } matMul) continue;
            if (graph.ConstantValue(matMul.Inputs[1]) is { } weight)
                return Pack(weight, bias, inputDim, outputDim, outputMajor: false, source);
            if (graph.ProducerOf(matMul.Inputs[1]) is { OpType: "Transpose" } transpose && graph.ConstantValue(transpose.Inputs[0]) is { } stored)
                return Pack(stored, bias, inputDim, outputDim, outputMajor: true, source);
        }
        if (graph.Initializers.TryGetValue(name + ".weight", out var named))
            return Pack(named, bias, inputDim, outputDim, outputMajor: true, source);
        throw new InvalidDataException($"{source}: cannot find the weight of '{name}' (no MatMul or Gemm feeds the Add of '{name}.bias', and no '{name}.weight').");
    }

    private static PackedLinear Pack(OnnxTensor weight, float[] bias, int inputDim, int outputDim, bool outputMajor, string source)
    {
        long[] expected = outputMajor ? [outputDim, inputDim] : [inputDim, outputDim];
        if (!weight.Dims.SequenceEqual(expected))
            throw new InvalidDataException($"{source}: weight '{weight.Name}' has shape {weight.ShapeText}, expected [{string.Join(", ", expected)}].");
        var values = weight.RequireFloats(source);
        return outputMajor
            ? PackedLinear.FromOutputMajor(values, bias, inputDim, outputDim)
            : PackedLinear.FromInputMajor(values, bias, inputDim, outputDim);
    }

    /// <summary>
    /// The attention scores are MatMul(Q, Kᵀ) of two computed values, divided by √headDim (or multiplied by its
    /// inverse) through a constant: that constant gives the head width, and so the number of heads.
    /// </summary>
    private static int AttentionHeadDim(OnnxGraph graph)
    {
        foreach (var node in graph.Nodes)
        {
            if (node.OpType != "MatMul" || graph.ConstantValue(node.Inputs[0]) is not null || graph.ConstantValue(node.Inputs[1]) is not null) continue;
            foreach (var consumer in graph.ConsumersOf(node.Outputs[0]))
            {
                if (consumer.OpType is not ("Div" or "Mul") || consumer.Inputs[0] != node.Outputs[0]) continue;
                if (graph.ConstantValue(consumer.Inputs[1])?.ScalarFloat is not { } c || c <= 0) continue;
                var squared = consumer.OpType == "Div" ? c * c : 1 / (c * c);
                var headDim = (int)MathF.Round(squared);
                if (headDim >= 1 && MathF.Abs(squared - headDim) < 1e-3f * headDim) return headDim;
            }
        }
        throw new InvalidDataException($"{graph.Source}: cannot find the attention scale (Q·Kᵀ divided by √headDim) in the graph, so the number of heads is unknown; use backend onnx for this model.");
    }

    /// <summary>LayerNorm's epsilon: a LayerNormalization node's attribute, or the constant added to the variance before Sqrt in the decomposed form.</summary>
    private static float FindLayerNormEpsilon(OnnxGraph graph)
    {
        foreach (var node in graph.Nodes)
        {
            if (node.OpType == "LayerNormalization" && node.NumberAttributes.TryGetValue("epsilon", out var epsilon)) return (float)epsilon;
            if (node.OpType != "Sqrt" || graph.ProducerOf(node.Inputs[0]) is not { OpType: "Add" } add) continue;
            foreach (var input in add.Inputs)
                if (graph.ConstantValue(input)?.ScalarFloat is { } value) return value;
        }
        throw new InvalidDataException($"{graph.Source}: cannot find the LayerNorm epsilon (a LayerNormalization node, or Sqrt(variance + epsilon)).");
    }
}
