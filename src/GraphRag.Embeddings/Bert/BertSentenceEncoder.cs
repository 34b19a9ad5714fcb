using GraphRag.Embeddings.Onnx;
using GraphRag.Engine;
using Microsoft.Extensions.AI;

namespace GraphRag.Embeddings.Bert;

/// <summary>
/// A BERT-style sentence encoder (arctic-embed-xs, all-MiniLM-L6-v2, or a model folder) on ONNX Runtime or
/// on our engine. Queries and documents may be embedded differently (arctic-embed prefixes queries), so it
/// offers two <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> views: <see cref="Documents"/> for
/// ingestion and <see cref="Queries"/> for search. Both report the same <see cref="ModelId"/>: their vectors
/// live in one space. Texts longer than <see cref="MaxTokens"/> wordpieces are cut; callers that must not
/// lose text split it first, measuring with <see cref="CountTokens"/>. Thread-safe.
/// </summary>
public sealed class BertSentenceEncoder : IDisposable
{
    private readonly IBertRuntime _runtime;
    private readonly int _batchSize;

    private BertSentenceEncoder(BertModelFiles files, BertWordPieceTokenizer tokenizer, IBertRuntime runtime, BertBackend backend, int batchSize)
    {
        Recipe = files.Recipe;
        ModelId = files.Identity;
        Backend = backend;
        Tokenizer = tokenizer;
        _runtime = runtime;
        _batchSize = batchSize;
        MaxTokens = Math.Min(files.Recipe.MaxTokens, runtime.MaxPositions);
        Documents = new BertEmbeddingGenerator(this, EmbeddingRole.Document);
        Queries = new BertEmbeddingGenerator(this, EmbeddingRole.Query);
    }

    /// <summary>
    /// Loads a model: its tokenizer, then the backend (an ONNX Runtime session, or the weights read out of
    /// model.onnx for the engine). <paramref name="threads"/>: cores per batch, null for
    /// every core; <paramref name="batchSize"/>: texts encoded together.
    /// </summary>
    public static BertSentenceEncoder Load(BertModelFiles files, BertBackend backend = BertBackend.Onnx, int? threads = null, int batchSize = 32)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var cores = ComputeOptions.WithThreads(threads).Threads;
        var tokenizer = files.CreateTokenizer();
        IBertRuntime runtime;
        if (backend == BertBackend.Engine)
        {
            var weights = BertWeights.FromOnnx(OnnxGraph.Read(files.Model, Path.Combine(files.Source, BertModelFiles.ModelFileName)));
            if (tokenizer.MaxId >= weights.VocabularySize)
                throw new InvalidDataException($"{files.Source}: the vocabulary has {tokenizer.MaxId + 1} tokens but the model's embedding table only {weights.VocabularySize} rows.");
            runtime = new EngineBertRuntime(weights, cores);
        }
        else
        {
            runtime = new OnnxBertRuntime(files.Model, Path.Combine(files.Source, BertModelFiles.ModelFileName), cores, tokenizer.PaddingTokenId, files.Recipe.MaxTokens);
        }
        return new BertSentenceEncoder(files, tokenizer, runtime, backend, batchSize);
    }

    /// <summary>From configuration: <see cref="BertEncoderOptions.Model"/> names a packaged model or a folder.</summary>
    public static BertSentenceEncoder Load(BertEncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Load(PretrainedBertModels.Resolve(options.Model), options.ParseBackend(), options.Threads, options.BatchSize);
    }

    /// <summary>"name@sha256:16 hex digits" over the model, its vocabulary and its recipe; see <see cref="BertModelFiles.Identity"/>.</summary>
    public string ModelId { get; }

    public BertRecipe Recipe { get; }

    public BertBackend Backend { get; }

    public BertWordPieceTokenizer Tokenizer { get; }

    /// <summary>Length of every vector (384 for both packaged models).</summary>
    public int Dimensions => _runtime.Dimensions;

    /// <summary>Wordpieces read per text, [CLS] and [SEP] included (512 for both packaged models); the rest is cut off.</summary>
    public int MaxTokens { get; }

    /// <summary>The generator for passages and chunks (ingestion).</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Documents { get; }

    /// <summary>The generator for search queries.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Queries { get; }

    /// <summary>
    /// Wordpieces the model would read for <paramref name="text"/> in <paramref name="role"/> (its prefix, [CLS]
    /// and [SEP] included) if nothing were cut: a text is embedded whole when this is at most <see cref="MaxTokens"/>.
    /// </summary>
    public int CountTokens(string text, EmbeddingRole role = EmbeddingRole.Document) =>
        Tokenizer.CountTokens(Recipe.PrefixFor(role) + text);

    /// <summary>The token ids the model reads for <paramref name="text"/> (prefixed, framed, cut to <see cref="MaxTokens"/>).</summary>
    public int[] Tokenize(string text, EmbeddingRole role = EmbeddingRole.Document) =>
        Tokenizer.Encode(Recipe.PrefixFor(role) + text, MaxTokens);

    /// <summary>Unit vectors of <paramref name="texts"/>, one per text, in batches of the configured size.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingRole role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var sequences = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
            sequences[i] = Tokenize(texts[i] ?? throw new ArgumentException($"Text {i} is null.", nameof(texts)), role);

        // Similar lengths share a batch, so a padded backend (ONNX Runtime) pads little; results go back in input order.
        var order = Enumerable.Range(0, sequences.Length).OrderBy(i => sequences[i].Length).ToArray();
        var result = new float[texts.Count][];
        foreach (var batch in order.Chunk(_batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vectors = _runtime.Embed(batch.Select(i => sequences[i]).ToArray(), Recipe.Pooling);
            for (var j = 0; j < batch.Length; j++) result[batch[j]] = vectors[j];
        }
        return result;
    }

    /// <summary>Unit vectors of pre-tokenised sequences (from <see cref="Tokenize"/>), as one batch: what the benchmark times.</summary>
    public float[][] EmbedTokens(IReadOnlyList<int[]> sequences) => _runtime.Embed(sequences, Recipe.Pooling);

    public void Dispose() => _runtime.Dispose();
}
