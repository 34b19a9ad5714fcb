using GraphRag.Generation.Generation;
using GraphRag.Generation.Models;

namespace GraphRag.Generation.Tests.Generation;

public sealed class TextGeneratorTests : IDisposable
{
    private readonly LoadedModel _model = ModelLoader.Load(Fixtures.Path("llama", "model-f32.gguf"));

    public void Dispose() => _model.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TextGenerator Generator => new(_model.Model, _model.Tokenizer);

    [Fact]
    public void Greedy_generation_reproduces_the_reference_continuation()
    {
        var prompt = Fixtures.Prompts("llama")[2];
        var expected = Fixtures.Greedy("llama", "greedy_f32_model", "pytorch_fp64_reference")[2];
        var result = Generator.Generate(prompt, new GenerationOptions { MaxTokens = 32 }, cancellationToken: Ct);
        Assert.Equal(expected, result.Tokens);
        Assert.Equal(FinishReason.Length, result.FinishReason);
        Assert.Equal(31, result.DecodeSteps);
        var bytes = expected.SelectMany(t => _model.Tokenizer.TokenBytes(t).ToArray()).ToArray();
        Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes), result.Text);
    }

    [Fact]
    public void A_stop_token_ends_generation_before_it()
    {
        var prompt = Fixtures.Prompts("llama")[1];
        var expected = Fixtures.Greedy("llama", "greedy_f32_model", "pytorch_fp64_reference")[1];
        var stop = expected[5];
        var result = Generator.Generate(prompt, new GenerationOptions { MaxTokens = 32, StopTokens = [stop] }, cancellationToken: Ct);
        Assert.Equal(expected[..Array.IndexOf(expected, stop)], result.Tokens);
        Assert.Equal(FinishReason.Stop, result.FinishReason);
    }

    [Fact]
    public void A_stop_sequence_cuts_the_text_and_is_never_streamed()
    {
        var prompt = Fixtures.Prompts("llama")[2];
        var full = Generator.Generate(prompt, new GenerationOptions { MaxTokens = 32 }, cancellationToken: Ct).Text;
        var stop = full.Substring(full.Length / 2, 3);
        var streamed = new List<string>();
        var result = Generator.Generate(prompt, new GenerationOptions { MaxTokens = 32, StopSequences = [stop] }, streamed.Add, cancellationToken: Ct);
        Assert.Equal(full[..full.IndexOf(stop, StringComparison.Ordinal)], result.Text);
        Assert.Equal(result.Text, string.Concat(streamed));
        Assert.Equal(FinishReason.Stop, result.FinishReason);
    }

    [Fact]
    public void Streamed_pieces_add_up_to_the_text()
    {
        var streamed = new List<string>();
        var result = Generator.Generate(Fixtures.Prompts("llama")[1], new GenerationOptions { MaxTokens = 20 }, streamed.Add, cancellationToken: Ct);
        Assert.True(streamed.Count > 1);
        Assert.Equal(result.Text, string.Concat(streamed));
    }

    [Fact]
    public void A_prompt_as_long_as_the_context_is_rejected_clearly()
    {
        var prompt = Enumerable.Repeat(5, 128).ToArray();
        var error = Assert.Throws<ArgumentException>(() => Generator.Generate(prompt, new GenerationOptions(), cancellationToken: Ct));
        Assert.Contains("128 tokens", error.Message);
        Assert.Contains("context holds 128", error.Message);
    }

    [Fact]
    public void Generation_stops_when_the_context_is_full()
    {
        var prompt = Enumerable.Repeat(5, 120).ToArray();
        var result = Generator.Generate(prompt, new GenerationOptions { MaxTokens = 50 }, cancellationToken: Ct);
        Assert.Equal(8, result.Tokens.Count);
        Assert.Equal(FinishReason.Length, result.FinishReason);
    }
}
