using GraphRag.Generation.Clients;
using GraphRag.Generation.Generation;
using GraphRag.Generation.Models;
using Microsoft.Extensions.AI;

namespace GraphRag.Generation.Tests.Clients;

public sealed class LocalChatClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LocalChatClient Open(string family = "llama") =>
        new(ModelLoader.Load(Fixtures.Path(family, "model-f32.gguf")), new GeneratorOptions { MaxTokens = 12 });

    private static readonly ChatMessage[] Conversation =
    [
        new(ChatRole.System, "Answer briefly."),
        new(ChatRole.User, "What does the license allow?"),
    ];

    [Fact]
    public async Task Response_is_the_greedy_continuation_of_the_rendered_chat_prompt()
    {
        using var client = Open();
        var response = await client.GetResponseAsync(Conversation, cancellationToken: Ct);

        // The same prompt through the generator directly: template → tokens → greedy tokens.
        var model = client.Model;
        var prompt = model.Tokenizer.Encode(model.ChatTemplate.Render(
            [new("system", "Answer briefly."), new("user", "What does the license allow?")]));
        var expected = new TextGenerator(model.Model, model.Tokenizer)
            .Generate(prompt, new GenerationOptions { MaxTokens = 12, StopTokens = model.ChatTemplate.StopTokens }, cancellationToken: Ct);
        Assert.Equal(expected.Text, response.Text);
        Assert.Equal(prompt.Length, response.Usage!.InputTokenCount);
        Assert.Equal(expected.Tokens.Count, response.Usage.OutputTokenCount);
        Assert.Equal(ChatRole.Assistant, response.Messages[0].Role);
    }

    [Fact]
    public async Task Streaming_updates_add_up_to_the_response()
    {
        using var client = Open("gpt2");
        var whole = await client.GetResponseAsync(Conversation, cancellationToken: Ct);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Conversation, cancellationToken: Ct))
            updates.Add(update);
        Assert.True(updates.Count > 2);
        Assert.Equal(whole.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(whole.FinishReason, updates[^1].FinishReason);
    }

    [Fact]
    public async Task Max_output_tokens_bounds_the_reply_and_reports_length()
    {
        using var client = Open("gpt2");
        var response = await client.GetResponseAsync(Conversation, new ChatOptions { MaxOutputTokens = 3 }, Ct);
        Assert.Equal(3, response.Usage!.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [Fact]
    public async Task Seeded_sampling_repeats_and_differs_from_greedy()
    {
        using var client = Open("gpt2");
        var options = new ChatOptions { Temperature = 1.5f, Seed = 11, MaxOutputTokens = 12 };
        var first = await client.GetResponseAsync(Conversation, options, Ct);
        var second = await client.GetResponseAsync(Conversation, options, Ct);
        var greedy = await client.GetResponseAsync(Conversation, new ChatOptions { MaxOutputTokens = 12 }, Ct);
        Assert.Equal(first.Text, second.Text);
        Assert.NotEqual(greedy.Text, first.Text);
    }
}
