using System.Text.Json;
using GraphRag.Engine.Kernels;
using GraphRag.Generation.Gguf;

namespace GraphRag.Generation.Models;

/// <summary>The decoder families this engine runs.</summary>
public enum ModelArchitecture
{
    /// <summary>RMSNorm, rotary positions, grouped-query attention, SwiGLU (Llama 2/3, TinyLlama, SmolLM2, Qwen2 with q/k/v biases).</summary>
    Llama,

    /// <summary>Learned positions, LayerNorm with bias, tanh-GELU MLP, fused qkv, tied head.</summary>
    Gpt2,
}

/// <summary>Hyper-parameters of a decoder-only transformer, read from GGUF metadata or a Hugging Face config.json.</summary>
public sealed record ModelConfig
{
    public required ModelArchitecture Architecture { get; init; }
    public required int VocabSize { get; init; }
    public required int HiddenSize { get; init; }
    public required int LayerCount { get; init; }
    public required int HeadCount { get; init; }
    public required int KvHeadCount { get; init; }
    public required int FeedForwardSize { get; init; }
    public required int ContextLength { get; init; }
    public required float NormEpsilon { get; init; }
    public float RopeTheta { get; init; } = 10000f;
    public RopeStyle RopeStyle { get; init; } = RopeStyle.HalfSplit;
    public int? RotaryDims { get; init; }

    public int HeadDim => HiddenSize / HeadCount;

    public int KvDim => KvHeadCount * HeadDim;

    /// <summary>GGUF architecture names we accept, mapped to our families.</summary>
    public static ModelArchitecture ArchitectureOf(string name, string source) => name switch
    {
        "llama" or "qwen2" or "mistral" => ModelArchitecture.Llama,
        "gpt2" => ModelArchitecture.Gpt2,
        _ => throw new NotSupportedException($"{source}: unknown architecture '{name}' (supported: llama, qwen2, mistral, gpt2)."),
    };

    public static ModelConfig FromGguf(GgufFile file)
    {
        var m = file.Metadata;
        var arch = file.Architecture;
        var family = ArchitectureOf(arch, file.Path);
        var vocab = (int?)m.GetInteger($"{arch}.vocab_size") ?? m.GetArray<string>("tokenizer.ggml.tokens")?.Length
            ?? (int)file.GetTensor("token_embd.weight").RowCount;
        var heads = m.GetRequiredInt($"{arch}.attention.head_count");
        var hidden = m.GetRequiredInt($"{arch}.embedding_length");
        return new ModelConfig
        {
            Architecture = family,
            VocabSize = vocab,
            HiddenSize = hidden,
            LayerCount = m.GetRequiredInt($"{arch}.block_count"),
            HeadCount = heads,
            KvHeadCount = (int?)m.GetInteger($"{arch}.attention.head_count_kv") ?? heads,
            FeedForwardSize = m.GetRequiredInt($"{arch}.feed_forward_length"),
            ContextLength = m.GetRequiredInt($"{arch}.context_length"),
            NormEpsilon = (float)(family == ModelArchitecture.Gpt2
                ? m.GetFloat($"{arch}.attention.layer_norm_epsilon") ?? 1e-5
                : m.GetFloat($"{arch}.attention.layer_norm_rms_epsilon") ?? 1e-5),
            RopeTheta = (float)(m.GetFloat($"{arch}.rope.freq_base") ?? 10000.0),
            // llama.cpp permutes llama/mistral q,k rows for adjacent-pair RoPE; qwen2 keeps HF's half split.
            RopeStyle = arch is "llama" or "mistral" ? RopeStyle.AdjacentPairs : RopeStyle.HalfSplit,
            RotaryDims = (int?)m.GetInteger($"{arch}.rope.dimension_count"),
        };
    }

    /// <summary>Reads a Hugging Face <c>config.json</c> (llama, mistral, qwen2 or gpt2 model_type).</summary>
    public static ModelConfig FromHuggingFace(string configPath)
    {
        if (!File.Exists(configPath))
            throw new FileNotFoundException($"{configPath}: config.json not found beside the safetensors model.", configPath);
        using var document = JsonDocument.Parse(File.ReadAllText(configPath));
        var root = document.RootElement;
        var type = Str("model_type") ?? throw new InvalidDataException($"{configPath}: model_type is missing.");
        var family = ArchitectureOf(type, configPath);
        if (family == ModelArchitecture.Gpt2)
        {
            var embd = Req("n_embd");
            return new ModelConfig
            {
                Architecture = family,
                VocabSize = Req("vocab_size"),
                HiddenSize = embd,
                LayerCount = Req("n_layer"),
                HeadCount = Req("n_head"),
                KvHeadCount = Req("n_head"),
                FeedForwardSize = Int("n_inner") ?? 4 * embd,
                ContextLength = Int("n_positions") ?? Req("n_ctx"),
                NormEpsilon = (float)(Num("layer_norm_epsilon") ?? 1e-5),
            };
        }
        var heads = Req("num_attention_heads");
        var hidden = Req("hidden_size");
        var headDim = Int("head_dim") ?? hidden / heads;
        if (headDim * heads != hidden)
            throw new NotSupportedException($"{configPath}: head_dim {headDim} × {heads} heads ≠ hidden_size {hidden} is not supported.");
        if (root.TryGetProperty("rope_scaling", out var scaling) && scaling.ValueKind == JsonValueKind.Object)
            throw new NotSupportedException($"{configPath}: rope_scaling is not supported.");
        return new ModelConfig
        {
            Architecture = family,
            VocabSize = Req("vocab_size"),
            HiddenSize = hidden,
            LayerCount = Req("num_hidden_layers"),
            HeadCount = heads,
            KvHeadCount = Int("num_key_value_heads") ?? heads,
            FeedForwardSize = Req("intermediate_size"),
            ContextLength = Int("max_position_embeddings") ?? 2048,
            NormEpsilon = (float)(Num("rms_norm_eps") ?? 1e-6),
            RopeTheta = (float)(Num("rope_theta") ?? 10000.0),
            RopeStyle = RopeStyle.HalfSplit,
        };

        string? Str(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int? Int(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        int Req(string name) => Int(name) ?? throw new InvalidDataException($"{configPath}: '{name}' is missing.");
        double? Num(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
    }
}
