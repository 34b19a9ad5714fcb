using GraphRag.Agents.SemanticKernel;
using GraphRag.Agents.Tests.Support;
using GraphRag.Answer;
using GraphRag.Generation.Clients;
using GraphRag.Generation.Models;
using GraphRag.Tests;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace GraphRag.Agents.Tests.SemanticKernel;

/// <summary>
/// GraphRag's local generator as a Semantic Kernel chat service. The model is the tiny random-weight Llama
/// fixture (tests/GraphRag.Generation.Tests/Fixtures/llama, from ../shared/reference/generator), decoded
/// greedily, so the expected reply is the generator's own reply to the same messages, called directly.
/// </summary>
public sealed class ChatServiceTests(IngestedNotes notes)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LocalChatClient OpenLocalGenerator() =>
        new(ModelLoader.Load(TestPaths.Repo("tests", "GraphRag.Generation.Tests", "Fixtures", "llama", "model-f32.gguf")),
            new GeneratorOptions { MaxTokens = 12 });

    [Fact]
    public async Task The_kernels_chat_completion_service_replies_exactly_as_the_local_generator_does()
    {
        using var generator = OpenLocalGenerator();
        var kernel = Kernel.CreateBuilder().AddGraphRagChat(generator).Build();

        var history = new ChatHistory("Answer briefly.");
        history.AddUserMessage("What does the license allow?");
        var reply = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, kernel: kernel, cancellationToken: Ct);

        var direct = await generator.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Answer briefly."), new ChatMessage(ChatRole.User, "What does the license allow?")], cancellationToken: Ct);
        Assert.NotEmpty(direct.Text);
        Assert.Equal(direct.Text, reply.Content);
        Assert.Equal(AuthorRole.Assistant, reply.Role);
    }

    [Fact]
    public async Task A_prompt_function_runs_on_the_local_generator()
    {
        using var generator = OpenLocalGenerator();
        var kernel = Kernel.CreateBuilder().AddGraphRagChat(generator).Build();

        var viaPrompt = await kernel.InvokePromptAsync("Name the metric.", cancellationToken: Ct);

        var direct = await generator.GetResponseAsync([new ChatMessage(ChatRole.User, "Name the metric.")], cancellationToken: Ct);
        Assert.Equal(direct.Text, viaPrompt.GetValue<string>());
    }

    [Fact]
    public async Task With_a_chat_service_ask_has_the_generator_write_the_answer_from_the_retrieved_passages()
    {
        using var generator = OpenLocalGenerator();
        var kernel = notes.CreateKernel(builder => builder.AddGraphRagChat(generator));

        // The fixture's context holds 128 tokens, too few for five grounded passages: the generator's own
        // refusal, naming the prompt's length, shows that ask built the grounded prompt and sent it to this
        // model; ask then falls back to the extractive answer and says why in its warning.
        var answer = await kernel.InvokeAsync<GroundedAnswer>(
            NotesKernelExtensions.PluginName, NotesTools.Ask, new() { ["question"] = "What does NDCG measure in ranking?" }, Ct);
        Assert.Equal("extractive", answer!.Method);
        Assert.Matches(@"The prompt has \d{3,} tokens but the model's context holds 128", answer.Warning);
    }
}
