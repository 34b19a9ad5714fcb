namespace GraphRag.Embeddings.UseLite;

/// <summary>
/// The weights of the USE-lite "KonaTransformer" encoder, picked out of the TF.js graph by name.
/// Dense kernels are stored transposed to [out, in] (the Linear layout of MatMul.MultiplyTransposed,
/// which also stays fast for the few-row products of short texts); TF stores them [in, out].
/// </summary>
public sealed class UseLiteWeights
{
    private const string Encode = "module_apply_default/Encoder_en/KonaTransformer/Encode/";
    private const string Variables = "module/Encoder_en/KonaTransformer/Encode/";

    public required Matrix TokenEmbeddings { get; init; }       // [vocab, 256]
    public required float[] InverseTimescales { get; init; }    // [128]: sin/cos frequencies
    public required Dense ResidualProjection { get; init; }     // layer 0 residual 256 → 512
    public required LayerWeights[] Layers { get; init; }
    public required Dense Output { get; init; }                 // the tanh layer, 512 → 512
    public required int Heads { get; init; }
    public required int MaxLength { get; init; }
    public required float LayerNormEpsilon { get; init; }
    public required float NormEpsilon { get; init; }            // floor of the L2 norm's sum of squares

    public int EmbeddingDim => TokenEmbeddings.Columns;
    public int OutputDim => Output.OutputDim;

    public sealed record Matrix(float[] Data, int Rows, int Columns);

    /// <summary>y = x · Weightᵀ + Bias, Weight [OutputDim, InputDim].</summary>
    public sealed record Dense(float[] Weight, float[] Bias, int InputDim, int OutputDim);

    public sealed record LayerWeights(
        float[] AttentionNormScale, float[] AttentionNormBias,
        Dense Qkv, float AttentionScale, Dense AttentionOutput,
        float[] FeedForwardNormScale, float[] FeedForwardNormBias,
        Dense FeedForwardUp, Dense FeedForwardDown)
    {
        public int Dim => Qkv.InputDim;
    }

    public static UseLiteWeights From(IReadOnlyDictionary<string, TfjsWeight> w, string source)
    {
        float[] F(string name, params int[] shape)
        {
            if (!w.TryGetValue(name, out var weight) || weight.Floats is null)
                throw new InvalidDataException($"{source}: float weight '{name}' is missing; not a USE-lite model?");
            var size = shape.Aggregate(1, (a, b) => a * b);
            if (weight.Floats.Length != size)
                throw new InvalidDataException($"{source}: weight '{name}' has shape [{string.Join(", ", weight.Shape)}], expected {size} elements.");
            return weight.Floats;
        }
        float Scalar(string name) => F(name, 1)[0];
        int Int(string name) => w.TryGetValue(name, out var v) && v.Ints is [var x]
            ? x : throw new InvalidDataException($"{source}: int constant '{name}' is missing.");

        var embeddingShape = w.TryGetValue("module/Embeddings_en", out var e) && e.Shape is [var rows, var cols]
            ? (rows, cols) : throw new InvalidDataException($"{source}: 'module/Embeddings_en' is missing or not 2-D.");
        var embeddingDim = embeddingShape.cols;

        Dense DenseOf(string kernel, string bias, int input, int output) => new(Transpose(F(kernel, input, output), input, output), F(bias, output), input, output);

        LayerWeights Layer(int index, int dim)
        {
            var layer = $"{Encode}Layer_{index}/TransformerLayer/";
            var stack = $"{Encode}TransformerStack/Layer_{index}/TransformerLayer/";
            var variables = $"{Variables}Layer_{index}/TransformerLayer/";
            const string norm = "layer_prepostprocess/layer_norm/layer_norm_";
            return new LayerWeights(
                F($"{layer}{norm}scale/ConcatPartitions/concat", dim),
                F($"{layer}{norm}bias/ConcatPartitions/concat", dim),
                DenseOf($"{variables}MultiheadAttention/qkv_transform_single/kernel/part_0",
                    $"{layer}MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat", dim, 3 * dim),
                Scalar($"{stack}MultiheadAttention/mul/y"),
                DenseOf($"{variables}MultiheadAttention/output_transform_single/kernel/part_0",
                    $"{layer}MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat", dim, ModelDim),
                F($"{layer}FFN/{norm}scale/ConcatPartitions/concat", ModelDim),
                F($"{layer}FFN/{norm}bias/ConcatPartitions/concat", ModelDim),
                DenseOf($"{stack}FFN/conv1/Tensordot/Reshape_1", $"{layer}FFN/conv1/bias/ConcatPartitions/concat", ModelDim, FeedForwardDim),
                DenseOf($"{stack}FFN/conv2/Tensordot/Reshape_1", $"{layer}FFN/conv2/bias/ConcatPartitions/concat", FeedForwardDim, ModelDim));
        }

        return new UseLiteWeights
        {
            TokenEmbeddings = new Matrix(F("module/Embeddings_en", embeddingShape.rows, embeddingDim), embeddingShape.rows, embeddingDim),
            InverseTimescales = F($"{Encode}TransformerStack/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1", 1, embeddingDim / 2),
            ResidualProjection = DenseOf($"{Encode}Layer_0/TransformerLayer/dense/kernel/ConcatPartitions/concat",
                $"{Encode}Layer_0/TransformerLayer/dense/bias/ConcatPartitions/concat", embeddingDim, ModelDim),
            Layers = [Layer(0, embeddingDim), Layer(1, ModelDim)],
            Output = DenseOf("module/Encoder_en/hidden_layers/tanh_layer_0/weights", "module/Encoder_en/hidden_layers/tanh_layer_0/bias", ModelDim, ModelDim),
            Heads = Int($"{Encode}TransformerStack/Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2"),
            MaxLength = Int("module_apply_default/Encoder_en/KonaTransformer/ClipToMaxLength/Less/y"),
            LayerNormEpsilon = Scalar($"{Encode}TransformerStack/Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x"),
            NormEpsilon = Scalar("module_apply_default/Encoder_en/hidden_layers/l2_normalize/Maximum/y"),
        };
    }

    private static float[] Transpose(float[] matrix, int rows, int columns)
    {
        var result = new float[matrix.Length];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                result[c * rows + r] = matrix[r * columns + c];
        return result;
    }

    /// <summary>Width of the residual stream after layer 0's projection.</summary>
    private const int ModelDim = 512;

    private const int FeedForwardDim = 1536;
}
