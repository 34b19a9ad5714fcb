using GraphRag.Embeddings.UseLite;

namespace GraphRag.Embeddings.Tests.UseLite;

public class UseLiteModelTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    [Theory, MemberData(nameof(ReferenceEmbeddings.Indices), MemberType = typeof(ReferenceEmbeddings))]
    public void Each_text_matches_the_TFjs_reference_to_1e_5(int index)
    {
        var item = ReferenceEmbeddings.Items[index];
        var actual = fixture.SingleEmbeddingsOrSkip()[index];
        var diff = ReferenceEmbeddings.MaxAbsDiff(actual, item.Embedding);
        Assert.True(diff <= 1e-5, $"text {index} {item.Text}: max abs diff {diff:E2}");
    }

    [Fact]
    public void A_batch_gives_the_same_vectors_as_single_texts()
    {
        var model = fixture.ModelOrSkip();
        var texts = ReferenceEmbeddings.Items.Select(i => i.Text).ToArray();
        var batch = model.Embed(texts, maxDegreeOfParallelism: 2);
        var singles = fixture.SingleEmbeddingsOrSkip();
        for (var i = 0; i < texts.Length; i++)
            Assert.True(ReferenceEmbeddings.MaxAbsDiff(batch[i], singles[i]) <= 1e-6, $"text {i}");
        // The reference's own batched call of the first five texts.
        for (var i = 0; i < 5; i++)
            Assert.True(ReferenceEmbeddings.MaxAbsDiff(batch[i], ReferenceEmbeddings.BatchFirst5[i]) <= 1e-5, $"batch text {i}");
    }

    [Fact]
    public void Vectors_are_unit_length_and_similar_texts_are_closer()
    {
        var model = fixture.ModelOrSkip();
        var v = model.Embed(["How do I reset my password?", "Steps to change your account password", "The weather is sunny today"]);
        foreach (var vector in v)
            Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 5);
        Assert.True(Dot(v[0], v[1]) > Dot(v[0], v[2]) + 0.1);
    }

    [Fact]
    public void Words_beyond_the_maximum_length_do_not_change_the_vector()
    {
        var model = fixture.ModelOrSkip();
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"token{i}"));
        var vectors = model.Embed([text, text + " and a different ending entirely"]);
        Assert.Equal(vectors[0], vectors[1]);
    }

    [Fact]
    public void An_empty_text_gets_a_finite_unit_vector()
    {
        var model = fixture.ModelOrSkip();
        var vector = model.Embed([""])[0];
        Assert.All(vector, x => Assert.True(float.IsFinite(x)));
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 5);
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
