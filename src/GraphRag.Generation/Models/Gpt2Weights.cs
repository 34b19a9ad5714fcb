using GraphRag.Generation.Gguf;
using GraphRag.Generation.Safetensors;

namespace GraphRag.Generation.Models;

/// <summary>A LayerNorm's gain and bias.</summary>
public sealed record LayerNormWeights(float[] Weight, float[] Bias);

/// <summary>A Linear layer with its bias (GPT-2 has biases everywhere).</summary>
public sealed record BiasedLinear(WeightMatrix Weight, float[] Bias);

/// <summary>One GPT-2 block: fused q|k|v projection, output projection, 4× MLP.</summary>
public sealed record Gpt2Layer(LayerNormWeights AttentionNorm, BiasedLinear QueryKeyValue, BiasedLinear Output,
    LayerNormWeights FeedForwardNorm, BiasedLinear Up, BiasedLinear Down);

/// <summary>All GPT-2 weights; the head is the token embedding unless the file has its own.</summary>
public sealed record Gpt2Weights(WeightMatrix TokenEmbedding, WeightMatrix PositionEmbedding, Gpt2Layer[] Layers,
    LayerNormWeights OutputNorm, WeightMatrix Head)
{
    public static Gpt2Weights FromGguf(GgufFile file, ModelConfig config)
    {
        var tokens = WeightMatrix.FromGguf(file, "token_embd.weight");
        var layers = new Gpt2Layer[config.LayerCount];
        for (var i = 0; i < layers.Length; i++)
        {
            string N(string part) => $"blk.{i}.{part}";
            layers[i] = new Gpt2Layer(
                Norm(N("attn_norm")),
                Linear(N("attn_qkv")),
                Linear(N("attn_output")),
                Norm(N("ffn_norm")),
                Linear(N("ffn_up")),
                Linear(N("ffn_down")));
        }
        var head = file.TryGetTensor("output.weight", out _) ? WeightMatrix.FromGguf(file, "output.weight") : tokens;
        var weights = new Gpt2Weights(tokens, WeightMatrix.FromGguf(file, "position_embd.weight"), layers, Norm("output_norm"), head);
        weights.Validate(config, file.Path);
        return weights;

        LayerNormWeights Norm(string prefix) =>
            new(LlamaWeights.Vector(file, prefix + ".weight"), LlamaWeights.Vector(file, prefix + ".bias"));
        BiasedLinear Linear(string prefix) =>
            new(WeightMatrix.FromGguf(file, prefix + ".weight"), LlamaWeights.Vector(file, prefix + ".bias"));
    }

    /// <summary>Hugging Face GPT2LMHeadModel names (with or without "transformer."); Conv1D weights are [in, out] and get transposed.</summary>
    public static Gpt2Weights FromSafetensors(SafetensorsFile file, ModelConfig config)
    {
        var prefix = file.Contains("transformer.wte.weight") ? "transformer." : "";
        var tokens = Matrix(prefix + "wte.weight");
        var layers = new Gpt2Layer[config.LayerCount];
        for (var i = 0; i < layers.Length; i++)
        {
            string N(string part) => $"{prefix}h.{i}.{part}";
            layers[i] = new Gpt2Layer(
                Norm(N("ln_1")), Conv1D(N("attn.c_attn")), Conv1D(N("attn.c_proj")),
                Norm(N("ln_2")), Conv1D(N("mlp.c_fc")), Conv1D(N("mlp.c_proj")));
        }
        var weights = new Gpt2Weights(tokens, Matrix(prefix + "wpe.weight"), layers, Norm(prefix + "ln_f"), tokens);
        weights.Validate(config, file.Path);
        return weights;

        WeightMatrix Matrix(string name)
        {
            var info = file.GetTensor(name);
            return WeightMatrix.FromFloats(name, file.ReadFloats(name), (int)info.Shape[0], (int)info.Shape[1]);
        }
        LayerNormWeights Norm(string name) => new(file.ReadFloats(name + ".weight"), file.ReadFloats(name + ".bias"));
        BiasedLinear Conv1D(string name)
        {
            var info = file.GetTensor(name + ".weight");
            var (inputs, outputs) = ((int)info.Shape[0], (int)info.Shape[1]);
            return new BiasedLinear(WeightMatrix.FromTransposed(name + ".weight", file.ReadFloats(name + ".weight"), outputs, inputs),
                file.ReadFloats(name + ".bias"));
        }
    }

    public long BytesPerToken =>
        Head.ByteLength + Layers.Sum(l => l.QueryKeyValue.Weight.ByteLength + l.Output.Weight.ByteLength
            + l.Up.Weight.ByteLength + l.Down.Weight.ByteLength);

    private void Validate(ModelConfig c, string path)
    {
        Expect(TokenEmbedding, c.VocabSize, c.HiddenSize);
        Expect(Head, c.VocabSize, c.HiddenSize);
        Expect(PositionEmbedding, c.ContextLength, c.HiddenSize);
        foreach (var l in Layers)
        {
            Expect(l.QueryKeyValue.Weight, 3 * c.HiddenSize, c.HiddenSize);
            Expect(l.Output.Weight, c.HiddenSize, c.HiddenSize);
            Expect(l.Up.Weight, c.FeedForwardSize, c.HiddenSize);
            Expect(l.Down.Weight, c.HiddenSize, c.FeedForwardSize);
        }

        void Expect(WeightMatrix w, int rows, int columns)
        {
            if (w.Rows != rows || w.Columns != columns)
                throw new InvalidDataException($"{path}: tensor '{w.Name}' is [{w.Rows}, {w.Columns}] but the configuration implies [{rows}, {columns}].");
        }
    }
}
