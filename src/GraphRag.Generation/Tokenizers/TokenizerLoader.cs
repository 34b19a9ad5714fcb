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
            // Added tokens (Qwen's <|im_start|>, ...) live only in tokenizer_config.json, above vocab.json's ids.
            var size = Math.Max(vocab.Values.Max(), settings.AddedTokens.Keys.DefaultIfEmpty(-1).Max()) + 1;
            var tokens = new string[size];
            var types = new TokenType[size];
            foreach (var (token, id) in vocab)
                (tokens[id], types[id]) = (token, TokenType.Normal);
            foreach (var (id, token) in settings.AddedTokens)
                (tokens[id], types[id]) = (token, TokenType.Control);
            var missing = Array.FindIndex(tokens, t => t is null);
            if (missing >= 0)
                throw new InvalidDataException($"{vocabPath}: no token has id {missing}.");
            foreach (var special in new[] { settings.Bos, settings.Eos })
            {
                if (Find(tokens, special) is { } id)
                    types[id] = TokenType.Control;
            }
            var merges = File.ReadLines(mergesPath).Where(l => l.Length > 0 && !l.StartsWith("#version", StringComparison.Ordinal));
            var pattern = settings.TokenizerClass?.StartsWith("Qwen2", StringComparison.Ordinal) == true
                ? ByteLevelBpeTokenizer.Qwen2Pattern
                : ByteLevelBpeTokenizer.Gpt2Pattern;
            return new ByteLevelBpeTokenizer(tokens, merges, types, Find(tokens, settings.Bos), Find(tokens, settings.Eos),
                settings.AddBos ?? false, pattern);
        }
        var modelPath = Path.Combine(directory, "tokenizer.model");
        if (File.Exists(modelPath))
            return SentencePieceModelReader.Read(modelPath, settings.AddBos ?? true);
        throw new FileNotFoundException($"{directory}: no tokenizer found (expected vocab.json + merges.txt, or tokenizer.model).");
    }

    private static int? Find(string[] tokens, string? text) => text is null ? null : Array.IndexOf(tokens, text) is >= 0 and var i ? i : null;

    private sealed record TokenizerSettings(string? Bos, string? Eos, bool? AddBos, string? TokenizerClass,
        IReadOnlyDictionary<int, string> AddedTokens);

    private static TokenizerSettings ReadTokenizerConfig(string directory)
    {
        var path = Path.Combine(directory, "tokenizer_config.json");
        if (!File.Exists(path))
            return new TokenizerSettings(null, null, null, null, new Dictionary<int, string>());
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var added = new Dictionary<int, string>();
        if (root.TryGetProperty("added_tokens_decoder", out var decoder) && decoder.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in decoder.EnumerateObject())
            {
                if (int.TryParse(entry.Name, out var id) && entry.Value.TryGetProperty("content", out var content))
                    added[id] = content.GetString()!;
            }
        }
        return new TokenizerSettings(TokenText(root, "bos_token"), TokenText(root, "eos_token"),
            root.TryGetProperty("add_bos_token", out var add) && add.ValueKind is JsonValueKind.True or JsonValueKind.False ? add.GetBoolean() : null,
            root.TryGetProperty("tokenizer_class", out var cls) && cls.ValueKind == JsonValueKind.String ? cls.GetString() : null,
            added);
    }

    // Special tokens appear either as a plain string or as an AddedToken object with "content".
    private static string? TokenText(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Object && value.TryGetProperty("content", out var content) ? content.GetString()
        : null;
}
