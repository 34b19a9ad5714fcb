using System.Text.RegularExpressions;
using GraphRag.Embeddings.Bert;
using Microsoft.Extensions.AI;

namespace GraphRag.Embeddings.Tests.Bert;

/// <summary>The encoder's contract: recipes (query prefix, pooling), identity, lengths, and the two generator views.</summary>
public class BertSentenceEncoderTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    [Fact]
    public void Arctic_prefixes_queries_with_its_instruction_and_leaves_documents_alone()
    {
        var arctic = fixture.Encoder(PretrainedBertModels.ArcticEmbedXsName, BertBackend.Engine);
        const string question = "What did CERN physicists claim about neutrinos in 2011?";
        var query = arctic.Embed([question], EmbeddingRole.Query, TestContext.Current.CancellationToken)[0];
        var document = arctic.Embed([question], EmbeddingRole.Document, TestContext.Current.CancellationToken)[0];
        var prefixedDocument = arctic.Embed(["Represent this sentence for searching relevant passages: " + question], EmbeddingRole.Document, TestContext.Current.CancellationToken)[0];

        Assert.Equal(prefixedDocument, query);
        Assert.True(EncoderFixture.MaxAbsDiff(query, document) > 1e-2);
        // The prefix is 8 wordpieces: represent, this, sentence, for, searching, relevant, passages, ":".
        Assert.Equal(arctic.CountTokens(question) + 8, arctic.CountTokens(question, EmbeddingRole.Query));
    }

    [Fact]
    public void MiniLM_embeds_queries_and_documents_alike()
    {
        var miniLm = fixture.Encoder(PretrainedBertModels.AllMiniLmL6V2Name, BertBackend.Engine);
        const string text = "Why do p-values mislead?";
        Assert.Equal(miniLm.Embed([text], EmbeddingRole.Document, TestContext.Current.CancellationToken)[0], miniLm.Embed([text], EmbeddingRole.Query, TestContext.Current.CancellationToken)[0]);
    }

    [Theory, MemberData(nameof(EncoderFixture.Models), MemberType = typeof(EncoderFixture))]
    public void The_model_identity_names_the_model_and_hashes_its_files_the_same_on_both_backends(string model)
    {
        var onnx = fixture.Encoder(model, BertBackend.Onnx);
        var engine = fixture.Encoder(model, BertBackend.Engine);
        Assert.Matches(new Regex($"^{Regex.Escape(model)}@sha256:[0-9a-f]{{16}}$"), onnx.ModelId);
        Assert.Equal(onnx.ModelId, engine.ModelId);
        Assert.Equal(onnx.ModelId, PretrainedBertModels.Resolve(model).Identity); // stable across loads
        Assert.Equal(384, engine.Dimensions);
        Assert.Equal(512, engine.MaxTokens);
    }

    [Fact]
    public void The_two_models_have_different_identities()
    {
        Assert.NotEqual(PretrainedBertModels.ArcticEmbedXs().Identity, PretrainedBertModels.AllMiniLmL6V2().Identity);
    }

    [Theory, MemberData(nameof(EncoderFixture.Models), MemberType = typeof(EncoderFixture))]
    public void Text_beyond_the_maximum_length_does_not_change_the_vector(string model)
    {
        var encoder = fixture.Encoder(model, BertBackend.Engine);
        var text = string.Join(' ', Enumerable.Range(0, 700).Select(i => $"word{i}"));
        Assert.True(encoder.CountTokens(text) > encoder.MaxTokens);
        Assert.Equal(encoder.MaxTokens, encoder.Tokenize(text).Length);
        var vectors = encoder.Embed([text, text + " and a different ending entirely"], EmbeddingRole.Document, TestContext.Current.CancellationToken);
        Assert.Equal(vectors[0], vectors[1]);
    }

    [Theory, MemberData(nameof(EncoderFixture.Models), MemberType = typeof(EncoderFixture))]
    public async Task The_generators_return_unit_vectors_in_input_order_tagged_with_the_model_identity(string model)
    {
        var encoder = fixture.Encoder(model, BertBackend.Engine);
        // Lengths out of order: Embed batches by length internally and must put the results back.
        string[] texts = ["a much longer text about neural networks, embeddings and retrieval of passages", "short", "", "medium length text here"];
        foreach (var (generator, role) in new[] { (encoder.Documents, EmbeddingRole.Document), (encoder.Queries, EmbeddingRole.Query) })
        {
            var generated = await generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);
            var metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;
            Assert.Equal(encoder.ModelId, metadata.DefaultModelId);
            Assert.Equal(384, metadata.DefaultModelDimensions);
            Assert.Same(encoder, generator.GetService<BertSentenceEncoder>());
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.Equal(encoder.ModelId, generated[i].ModelId);
                Assert.Equal(1.0, Math.Sqrt(EncoderFixture.Dot(generated[i].Vector.ToArray(), generated[i].Vector.ToArray())), 5);
                Assert.Equal(encoder.Embed([texts[i]], role, TestContext.Current.CancellationToken)[0], generated[i].Vector.ToArray());
            }
        }
    }

    [Fact]
    public async Task A_request_for_other_dimensions_is_refused()
    {
        var encoder = fixture.Encoder(PretrainedBertModels.AllMiniLmL6V2Name, BertBackend.Engine);
        await Assert.ThrowsAsync<NotSupportedException>(() => encoder.Documents.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 512 }, TestContext.Current.CancellationToken));
    }

    [Theory, MemberData(nameof(EncoderFixture.Models), MemberType = typeof(EncoderFixture))]
    public void Paraphrases_are_closer_than_unrelated_texts(string model)
    {
        // A sanity check of the recipe (pooling, prefix), not a quality measurement.
        var encoder = fixture.Encoder(model, BertBackend.Engine);
        var query = encoder.Embed(["How do I reset my password?"], EmbeddingRole.Query, TestContext.Current.CancellationToken)[0];
        var documents = encoder.Embed(["Steps to change your account password", "The weather is sunny today"], EmbeddingRole.Document, TestContext.Current.CancellationToken);
        Assert.True(EncoderFixture.Dot(query, documents[0]) > EncoderFixture.Dot(query, documents[1]) + 0.1);
    }

    [Fact]
    public void Options_name_what_is_wrong()
    {
        Assert.Contains("\"gpu\"", Assert.Throws<ArgumentException>(() => new BertEncoderOptions { Backend = "gpu" }.Validate()).Message);
        Assert.Contains("batch size", Assert.Throws<ArgumentException>(() => new BertEncoderOptions { BatchSize = 0 }.Validate()).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => new BertEncoderOptions { Model = " " }.Validate()).Message);
        Assert.Equal(BertBackend.Engine, new BertEncoderOptions { Backend = "Engine" }.ParseBackend());
    }
}
