using System.Text.Json;
using GraphRag.Generation.Gguf;

namespace GraphRag.Generation.Tokenizers;

/// <summary>Builds the tokenizer a model file describes: GGUF metadata, or Hugging Face files beside a safetensors model.</summary>
public static class TokenizerLoader
{
    public static ITokenizer FromGguf(GgufMetadata metadata)
    {
        var model = metadata.GetString("tokenizer.ggml.model")
            ?? throw new InvalidDataException($"{metadata.Source}: no tokenizer in the GGUF metadata (tokenizer.ggml.model is missing).");
        var tokens = metadata.GetArray<string>("tokenizer.ggml.tokens")
            ?? throw new InvalidDataException($"{metadata.Source}: tokenizer.ggml.tokens is missing.");
        var types = metadata.GetArray<int>("tokenizer.ggml.token_type")?.Select(t => (TokenType)t).ToArray();
        var bos = (int?)metadata.GetInteger("tokenizer.ggml.bos_token_id");
        var eos = (int?)metadata.GetInteger("tokenizer.ggml.eos_token_id");
        switch (model)
        {
            case "llama":
                var scores = metadata.GetArray<float>("tokenizer.ggml.scores") ?? new float[tokens.Length];
                return new SentencePieceTokenizer(tokens, scores, types ?? tokens.Select(_ => TokenType.Normal).ToArray(),
                    bos, eos, (int?)metadata.GetInteger("tokenizer.ggml.unknown_token_id") ?? 0,
                    metadata.GetBool("tokenizer.ggml.add_bos_token") ?? true,
                    metadata.GetBool("tokenizer.ggml.add_space_prefix") ?? true);
            case "gpt2":
                var merges = metadata.GetArray<string>("tokenizer.ggml.merges")
                    ?? throw new InvalidDataException($"{metadata.Source}: a gpt2 tokenizer needs tokenizer.ggml.merges.");
                return new ByteLevelBpeTokenizer(tokens, merges, types, bos, eos,
                    metadata.GetBool("tokenizer.ggml.add_bos_token") ?? false,
                    ByteLevelBpeTokenizer.PatternFor(metadata.GetString("tokenizer.ggml.pre")));
            default:
                throw new NotSupportedException($"{metadata.Source}: tokenizer model '{model}' is not supported (llama and gpt2 are).");
        }
    }

    /// <summary>
    /// Reads a Hugging Face tokenizer from <paramref name="directory"/>: <c>vocab.json</c> + <c>merges.txt</c>
    /// (GPT-2 style byte-level BPE) or <c>tokenizer.model</c> (SentencePiece).
    /// </summary>
    public static ITokenizer FromHuggingFace(string directory)
    {
        var settings = ReadTokenizerConfig(directory);
        var vocabPath = Path.Combine(directory, "vocab.json");
        var mergesPath = Path.Combine(directory, "merges.txt");
        if (File.Exists(vocabPath) && File.Exists(mergesPath))
        {
            var vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(vocabPath))
                ?? throw new InvalidDataException($"{vocabPath}: empty vocabulary.");
            var tokens = new string[vocab.Values.Max() + 1];
            foreach (var (token, id) in vocab)
                tokens[id] = token;
            var missing = Array.FindIndex(tokens, t => t is null);
            if (missing >= 0)
                throw new InvalidDataException($"{vocabPath}: no token has id {missing}.");
            var merges = File.ReadLines(mergesPath).Where(l => l.Length > 0 && !l.StartsWith("#version", StringComparison.Ordinal));
            var types = tokens.Select(t => t == settings.Bos || t == settings.Eos ? TokenType.Control : TokenType.Normal).ToArray();
            return new ByteLevelBpeTokenizer(tokens, merges, types, Find(tokens, settings.Bos), Find(tokens, settings.Eos),
                settings.AddBos ?? false);
        }
        var modelPath = Path.Combine(directory, "tokenizer.model");
        if (File.Exists(modelPath))
            return SentencePieceModelReader.Read(modelPath, settings.AddBos ?? true);
        throw new FileNotFoundException($"{directory}: no tokenizer found (expected vocab.json + merges.txt, or tokenizer.model).");
    }

    private static int? Find(string[] tokens, string? text) => text is null ? null : Array.IndexOf(tokens, text) is >= 0 and var i ? i : null;

    private sealed record TokenizerSettings(string? Bos, string? Eos, bool? AddBos);

    private static TokenizerSettings ReadTokenizerConfig(string directory)
    {
        var path = Path.Combine(directory, "tokenizer_config.json");
        if (!File.Exists(path))
            return new TokenizerSettings(null, null, null);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        return new TokenizerSettings(TokenText(root, "bos_token"), TokenText(root, "eos_token"),
            root.TryGetProperty("add_bos_token", out var add) && add.ValueKind is JsonValueKind.True or JsonValueKind.False ? add.GetBoolean() : null);
    }

    // Special tokens appear either as a plain string or as an AddedToken object with "content".
    private static string? TokenText(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Object && value.TryGetProperty("content", out var content) ? content.GetString()
        : null;
}
