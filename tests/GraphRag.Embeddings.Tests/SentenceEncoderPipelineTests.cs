using System.Diagnostics;
using GraphRag.Embeddings.Tests.UseLite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace GraphRag.Embeddings.Tests;

/// <summary>
/// SentenceEncoderPipeline builds the encoder's calls with Microsoft.Extensions.AI's pipeline around the real USE-lite model:
/// the vectors must stay the model's own (compared with <see cref="UseLite.UseLiteModel.Embed"/> directly), every
/// model call must be traced and logged without the text, and a repeated question must not run the model again.
/// </summary>
public sealed class SentenceEncoderPipelineTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Question = "Why is a p-value not the probability that a claim is true?";

    private ServiceProvider Logging() => new ServiceCollection()
        .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug)).AddFakeLogging()
        .BuildServiceProvider();

    private IEmbeddingGenerator<string, Embedding<float>> Model() => new UseLiteEmbeddingGenerator(fixture.ModelOrSkip());

    private static TracerProvider Tracing(List<Activity> spans) => Sdk.CreateTracerProviderBuilder()
        .AddSource(SentenceEncoderPipeline.TelemetrySourceName)
        .AddInMemoryExporter(spans)
        .Build();

    [Fact]
    public async Task Documents_are_embedded_by_the_model_inside_a_traced_and_logged_pipeline_that_keeps_the_text_out()
    {
        var spans = new List<Activity>();
        using var tracing = Tracing(spans);
        using var services = Logging();
        var documents = SentenceEncoderPipeline.Documents(Model(), services.GetRequiredService<ILoggerFactory>());
        var texts = ReferenceEmbeddings.Items.Take(3).Select(i => i.Text).ToArray();

        var embeddings = await documents.GenerateAsync(texts, cancellationToken: Ct);

        Assert.NotNull(documents.GetService<UseLiteEmbeddingGenerator>());
        var direct = fixture.ModelOrSkip().Embed(texts);
        for (var i = 0; i < texts.Length; i++)
            Assert.True(ReferenceEmbeddings.MaxAbsDiff(embeddings[i].Vector.ToArray(), direct[i]) <= 1e-6);
        tracing.ForceFlush();
        var span = Assert.Single(spans);
        Assert.Equal("embeddings", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(UseLiteEmbeddingGenerator.ModelId, span.GetTagItem("gen_ai.request.model"));
        var logs = services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(logs, m => m.Contains("GenerateAsync invoked", StringComparison.Ordinal));
        Assert.Contains(logs, m => m.Contains("GenerateAsync generated 3 embedding(s)", StringComparison.Ordinal));
        // Notes are private: neither spans nor logs carry a word of them.
        var word = texts[0].Split(' ').OrderByDescending(w => w.Length).First();
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value is string text && text.Contains(word, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, m => m.Contains(word, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeated_question_is_answered_from_the_cache_with_the_same_vector_and_without_running_the_model()
    {
        var spans = new List<Activity>();
        using var tracing = Tracing(spans);
        using var services = Logging();
        var queries = SentenceEncoderPipeline.Queries(Model(), services.GetRequiredService<ILoggerFactory>());

        var first = await queries.GenerateVectorAsync(Question, cancellationToken: Ct);
        var again = await queries.GenerateVectorAsync(Question, cancellationToken: Ct);
        var other = await queries.GenerateVectorAsync("How are claims checked?", cancellationToken: Ct);

        Assert.Equal(first.ToArray(), again.ToArray());
        Assert.True(ReferenceEmbeddings.MaxAbsDiff(first.ToArray(), fixture.ModelOrSkip().Embed([Question])[0]) <= 1e-6);
        Assert.NotEqual(first.ToArray(), other.ToArray());
        tracing.ForceFlush();
        // Two model calls for three questions: the repeat never reached the model.
        Assert.Equal(2, spans.Count);
    }

    [Fact]
    public async Task Without_a_logger_factory_the_pipeline_still_embeds_with_the_model()
    {
        // Benchmarks and tools build encoders outside a host, with nothing to log to.
        var texts = ReferenceEmbeddings.Items.Take(2).Select(i => i.Text).ToArray();
        var documents = await SentenceEncoderPipeline.Documents(Model(), null).GenerateAsync(texts, cancellationToken: Ct);
        var question = await SentenceEncoderPipeline.Queries(Model(), null).GenerateVectorAsync(Question, cancellationToken: Ct);

        var direct = fixture.ModelOrSkip().Embed([.. texts, Question]);
        for (var i = 0; i < texts.Length; i++)
            Assert.True(ReferenceEmbeddings.MaxAbsDiff(documents[i].Vector.ToArray(), direct[i]) <= 1e-6);
        Assert.True(ReferenceEmbeddings.MaxAbsDiff(question.ToArray(), direct[^1]) <= 1e-6);
    }
}
