using GraphRag.Embeddings.Bert;

namespace GraphRag.Embeddings.Tests.Bert;

/// <summary>
/// Our forward pass (engine) against ONNX Runtime (the oracle, running the same model.onnx) on the 133 parity
/// texts, 2 to 1,019 wordpieces (cut at 512): every component within 1e-4, one by one and in batches.
/// </summary>
public class EngineBackendTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    private const double Tolerance = 1e-4;

    [Theory, MemberData(nameof(EncoderFixture.Models), MemberType = typeof(EncoderFixture))]
    public void Each_text_alone_equals_onnx_runtime(string model)
    {
        var engine = fixture.Encoder(model, BertBackend.Engine);
        var expected = fixture.OnnxSingles(model);
        var worst = 0.0;
        for (var i = 0; i < ParityTexts.All.Count; i++)
        {
            var diff = EncoderFixture.MaxAbsDiff(engine.Embed([ParityTexts.All[i]], EmbeddingRole.Document, TestContext.Current.CancellationToken)[0], expected[i]);
            Assert.True(diff <= Tolerance, $"text {i} ({engine.CountTokens(ParityTexts.All[i])} wordpieces): max |engine − ORT| = {diff:E2}");
            worst = Math.Max(worst, diff);
        }
        Assert.True(worst > 0, "the engine and ONNX Runtime gave bit-identical vectors: is the engine really running?");
    }

    [Theory, MemberData(nameof(EncoderFixture.Models), MemberType = typeof(EncoderFixture))]
    public void Batches_of_32_equal_onnx_runtime_one_by_one(string model)
    {
        var expected = fixture.OnnxSingles(model);
        // Embed sorts by length before batching; unsorted batches (short texts packed with 512-wordpiece ones) go straight to the engine.
        var engine = fixture.Encoder(model, BertBackend.Engine);
        var viaEmbed = engine.Embed(ParityTexts.All, EmbeddingRole.Document, TestContext.Current.CancellationToken);
        var unsorted = ParityTexts.All.Select(t => engine.Tokenize(t)).Chunk(32).SelectMany(engine.EmbedTokens).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(EncoderFixture.MaxAbsDiff(viaEmbed[i], expected[i]) <= Tolerance, $"text {i} via Embed");
            Assert.True(EncoderFixture.MaxAbsDiff(unsorted[i], expected[i]) <= Tolerance, $"text {i} in an unsorted batch");
        }
    }

    [Theory, MemberData(nameof(EncoderFixture.Models), MemberType = typeof(EncoderFixture))]
    public void Onnx_runtime_gives_the_same_vectors_padded_in_a_batch_as_alone(string model)
    {
        // The padding mask at work: the oracle itself must not depend on batching. The first 100 texts
        // (questions, corpus lines, short passages) keep the padded batches small.
        var expected = fixture.OnnxSingles(model);
        var batched = fixture.Encoder(model, BertBackend.Onnx).Embed(ParityTexts.All.Take(100).ToArray(), EmbeddingRole.Document, TestContext.Current.CancellationToken);
        for (var i = 0; i < batched.Length; i++)
            Assert.True(EncoderFixture.MaxAbsDiff(batched[i], expected[i]) <= Tolerance, $"text {i}");
    }

    [Theory, MemberData(nameof(EncoderFixture.Models), MemberType = typeof(EncoderFixture))]
    public void Queries_equal_onnx_runtime_too(string model)
    {
        var questions = ParityTexts.All.Take(63).ToArray();
        var engine = fixture.Encoder(model, BertBackend.Engine).Embed(questions, EmbeddingRole.Query, TestContext.Current.CancellationToken);
        var onnx = fixture.Encoder(model, BertBackend.Onnx).Embed(questions, EmbeddingRole.Query, TestContext.Current.CancellationToken);
        for (var i = 0; i < questions.Length; i++)
            Assert.True(EncoderFixture.MaxAbsDiff(engine[i], onnx[i]) <= Tolerance, $"question {i}");
    }
}
