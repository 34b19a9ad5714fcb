using GraphRag.Generation.Gguf;
using GraphRag.Generation.Safetensors;

namespace GraphRag.Generation.Models;

/// <summary>One Llama block's weights. Biases exist only for Qwen2's q/k/v projections.</summary>
public sealed record LlamaLayer(
    float[] AttentionNorm, WeightMatrix Query, WeightMatrix Key, WeightMatrix Value, WeightMatrix Output,
    float[]? QueryBias, float[]? KeyBias, float[]? ValueBias,
    float[] FeedForwardNorm, WeightMatrix Gate, WeightMatrix Up, WeightMatrix Down);

/// <summary>All weights of a Llama-family model; the head is the embedding when the model ties them.</summary>
public sealed record LlamaWeights(WeightMatrix Embedding, LlamaLayer[] Layers, float[] OutputNorm, WeightMatrix Head)
{
    /// <summary>Llama 3.1+ RoPE scaling: per-pair divisors of the rotation angle (GGUF rope_freqs.weight), or null.</summary>
    public float[]? RopeFrequencyFactors { get; init; }

    /// <summary>GGUF names as written by llama.cpp's converter (q/k rows permuted for adjacent-pair RoPE on llama).</summary>
    public static LlamaWeights FromGguf(GgufFile file, ModelConfig config)
    {
        var embedding = WeightMatrix.FromGguf(file, "token_embd.weight");
        var layers = new LlamaLayer[config.LayerCount];
        for (var i = 0; i < layers.Length; i++)
        {
            string N(string part) => $"blk.{i}.{part}";
            layers[i] = new LlamaLayer(
                Vector(file, N("attn_norm.weight")),
                WeightMatrix.FromGguf(file, N("attn_q.weight")),
                WeightMatrix.FromGguf(file, N("attn_k.weight")),
                WeightMatrix.FromGguf(file, N("attn_v.weight")),
                WeightMatrix.FromGguf(file, N("attn_output.weight")),
                OptionalVector(file, N("attn_q.bias")),
                OptionalVector(file, N("attn_k.bias")),
                OptionalVector(file, N("attn_v.bias")),
                Vector(file, N("ffn_norm.weight")),
                WeightMatrix.FromGguf(file, N("ffn_gate.weight")),
                WeightMatrix.FromGguf(file, N("ffn_up.weight")),
                WeightMatrix.FromGguf(file, N("ffn_down.weight")));
        }
        var head = file.TryGetTensor("output.weight", out _) ? WeightMatrix.FromGguf(file, "output.weight") : embedding;
        var weights = new LlamaWeights(embedding, layers, Vector(file, "output_norm.weight"), head)
        {
            RopeFrequencyFactors = OptionalVector(file, "rope_freqs.weight"),
        };
        weights.Validate(config, file.Path);
        return weights;
    }

    /// <summary>Hugging Face names (model.layers.N.self_attn.q_proj.weight, ...), q/k rows in HF (half-split) layout.</summary>
    public static LlamaWeights FromSafetensors(SafetensorsFile file, ModelConfig config)
    {
        var embedding = Matrix(file, "model.embed_tokens.weight");
        var layers = new LlamaLayer[config.LayerCount];
        for (var i = 0; i < layers.Length; i++)
        {
            string N(string part) => $"model.layers.{i}.{part}";
            layers[i] = new LlamaLayer(
                file.ReadFloats(N("input_layernorm.weight")),
                Matrix(file, N("self_attn.q_proj.weight")),
                Matrix(file, N("self_attn.k_proj.weight")),
                Matrix(file, N("self_attn.v_proj.weight")),
                Matrix(file, N("self_attn.o_proj.weight")),
                file.Contains(N("self_attn.q_proj.bias")) ? file.ReadFloats(N("self_attn.q_proj.bias")) : null,
                file.Contains(N("self_attn.k_proj.bias")) ? file.ReadFloats(N("self_attn.k_proj.bias")) : null,
                file.Contains(N("self_attn.v_proj.bias")) ? file.ReadFloats(N("self_attn.v_proj.bias")) : null,
                file.ReadFloats(N("post_attention_layernorm.weight")),
                Matrix(file, N("mlp.gate_proj.weight")),
                Matrix(file, N("mlp.up_proj.weight")),
                Matrix(file, N("mlp.down_proj.weight")));
        }
        var head = file.Contains("lm_head.weight") ? Matrix(file, "lm_head.weight") : embedding;
        var weights = new LlamaWeights(embedding, layers, file.ReadFloats("model.norm.weight"), head);
        weights.Validate(config, file.Path);
        return weights;
    }

    public long BytesPerToken =>
        Head.ByteLength + Layers.Sum(l => l.Query.ByteLength + l.Key.ByteLength + l.Value.ByteLength + l.Output.ByteLength
            + l.Gate.ByteLength + l.Up.ByteLength + l.Down.ByteLength);

    private void Validate(ModelConfig c, string path)
    {
        Expect(Embedding, c.VocabSize, c.HiddenSize);
        Expect(Head, c.VocabSize, c.HiddenSize);
        foreach (var l in Layers)
        {
            Expect(l.Query, c.HiddenSize, c.HiddenSize);
            Expect(l.Key, c.KvDim, c.HiddenSize);
            Expect(l.Value, c.KvDim, c.HiddenSize);
            Expect(l.Output, c.HiddenSize, c.HiddenSize);
            Expect(l.Gate, c.FeedForwardSize, c.HiddenSize);
            Expect(l.Up, c.FeedForwardSize, c.HiddenSize);
            Expect(l.Down, c.HiddenSize, c.FeedForwardSize);
        }

        void Expect(WeightMatrix w, int rows, int columns)
        {
            if (w.Rows != rows || w.Columns != columns)
                throw new InvalidDataException($"{path}: tensor '{w.Name}' is [{w.Rows}, {w.Columns}] but the configuration implies [{rows}, {columns}].");
        }
    }

    private static WeightMatrix Matrix(SafetensorsFile file, string name)
    {
        var info = file.GetTensor(name);
        if (info.Shape.Length != 2)
            throw new InvalidDataException($"{file.Path}: tensor '{name}' should be 2-D.");
        return WeightMatrix.FromFloats(name, file.ReadFloats(name), (int)info.Shape[0], (int)info.Shape[1]);
    }

    internal static float[] Vector(GgufFile file, string name)
    {
        var matrix = WeightMatrix.FromGguf(file, name);
        var values = new float[matrix.Rows * matrix.Columns];
        for (var r = 0; r < matrix.Rows; r++)
            matrix.CopyRow(r, values.AsSpan(r * matrix.Columns, matrix.Columns));
        return values;
    }

    internal static float[]? OptionalVector(GgufFile file, string name) =>
        file.TryGetTensor(name, out _) ? Vector(file, name) : null;
}
