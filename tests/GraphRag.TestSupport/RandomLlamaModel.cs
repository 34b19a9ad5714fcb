using GraphRag.Generation.Gguf;

namespace GraphRag.TestSupport;

/// <summary>Shape of a Llama-style model to synthesise.</summary>
public sealed record LlamaShape(int Vocab, int Hidden, int Layers, int Heads, int KvHeads, int FeedForward, int Context)
{
    /// <summary>≈100M parameters: 12 layers of 768 with GQA (12 query, 4 KV heads), SwiGLU 2048, 16k vocabulary, untied head.</summary>
    public static LlamaShape Small100M { get; } = new(16_000, 768, 12, 12, 4, 2048, 512);

    /// <summary>≈500M parameters: 24 layers of 1024 (16 query, 4 KV heads), SwiGLU 4096, 64k vocabulary, untied head.</summary>
    public static LlamaShape Medium500M { get; } = new(64_000, 1024, 24, 16, 4, 4096, 512);

    public long Parameters
    {
        get
        {
            long kv = Hidden / Heads * KvHeads;
            var layer = 2L * Hidden * Hidden + 2L * Hidden * kv + 3L * Hidden * FeedForward + 2L * Hidden;
            return 2L * Vocab * Hidden + Layers * layer + Hidden;
        }
    }
}

/// <summary>
/// Writes a random-weight Llama GGUF with our <see cref="GgufWriter"/>: matrices in the requested encoding
/// (F32, F16, Q8_0, Q4_0, Q4_K or Q6_K, see <see cref="GgmlQuantizer"/>), norms in F32, a placeholder vocabulary.
/// Weights are uniform in ±1/√in so activations stay finite through every layer.
/// </summary>
public static class RandomLlamaModel
{
    public static void Write(string path, LlamaShape shape, GgmlType type, int seed = 1)
    {
        var random = new Random(seed);
        var kv = shape.Hidden / shape.Heads * shape.KvHeads;
        var writer = new GgufWriter()
            .AddMetadata("general.architecture", "llama")
            .AddMetadata("general.name", $"random-llama-{shape.Parameters / 1_000_000}M-{type}")
            .AddMetadata("llama.block_count", (uint)shape.Layers)
            .AddMetadata("llama.context_length", (uint)shape.Context)
            .AddMetadata("llama.embedding_length", (uint)shape.Hidden)
            .AddMetadata("llama.feed_forward_length", (uint)shape.FeedForward)
            .AddMetadata("llama.attention.head_count", (uint)shape.Heads)
            .AddMetadata("llama.attention.head_count_kv", (uint)shape.KvHeads)
            .AddMetadata("llama.rope.freq_base", 10000f)
            .AddMetadata("llama.attention.layer_norm_rms_epsilon", 1e-5f)
            .AddMetadata("tokenizer.ggml.model", "llama")
            .AddMetadata("tokenizer.ggml.tokens", Enumerable.Range(0, shape.Vocab).Select(i => i switch { 0 => "<unk>", 1 => "<s>", 2 => "</s>", _ => $"t{i}" }).ToArray())
            .AddMetadata("tokenizer.ggml.scores", new float[shape.Vocab])
            .AddMetadata("tokenizer.ggml.token_type", Enumerable.Range(0, shape.Vocab).Select(i => i is 1 or 2 ? 3 : 1).ToArray())
            .AddMetadata("tokenizer.ggml.bos_token_id", 1u)
            .AddMetadata("tokenizer.ggml.eos_token_id", 2u);

        Matrix("token_embd.weight", shape.Vocab, shape.Hidden);
        for (var l = 0; l < shape.Layers; l++)
        {
            Norm($"blk.{l}.attn_norm.weight", shape.Hidden);
            Matrix($"blk.{l}.attn_q.weight", shape.Hidden, shape.Hidden);
            Matrix($"blk.{l}.attn_k.weight", kv, shape.Hidden);
            Matrix($"blk.{l}.attn_v.weight", kv, shape.Hidden);
            Matrix($"blk.{l}.attn_output.weight", shape.Hidden, shape.Hidden);
            Norm($"blk.{l}.ffn_norm.weight", shape.Hidden);
            Matrix($"blk.{l}.ffn_gate.weight", shape.FeedForward, shape.Hidden);
            Matrix($"blk.{l}.ffn_up.weight", shape.FeedForward, shape.Hidden);
            Matrix($"blk.{l}.ffn_down.weight", shape.Hidden, shape.FeedForward);
        }
        Norm("output_norm.weight", shape.Hidden);
        Matrix("output.weight", shape.Vocab, shape.Hidden);
        writer.WriteTo(path);

        void Norm(string name, int size) => writer.AddTensor(name, Enumerable.Repeat(1f, size).ToArray(), [size]);

        void Matrix(string name, int rows, int columns) => writer.AddTensor(name, type, [columns, rows], () =>
        {
            var scale = 1f / MathF.Sqrt(columns);
            var values = new float[(long)rows * columns];
            for (var i = 0; i < values.Length; i++)
                values[i] = (random.NextSingle() * 2 - 1) * scale;
            return GgmlQuantizer.Encode(values, type);
        });
    }
}
