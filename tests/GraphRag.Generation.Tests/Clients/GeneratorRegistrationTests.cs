using GraphRag.Generation.Clients;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Generation.Tests.Clients;

public sealed class GeneratorRegistrationTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddGraphRagGenerator(configuration).BuildServiceProvider();
    }

    [Fact]
    public void A_configured_model_file_gives_a_local_chat_client()
    {
        using var services = Build(("GraphRag:Generator:Model", Fixtures.Path("gpt2", "model-f32.gguf")), ("GraphRag:Generator:MaxTokens", "5"));
        var client = Assert.IsType<LocalChatClient>(services.GetService<IChatClient>());
        Assert.Equal(512, client.Model.Model.Config.VocabSize);
    }

    [Fact]
    public void A_configured_endpoint_gives_an_openai_compatible_client()
    {
        using var services = Build(("GraphRag:Generator:Endpoint", "http://127.0.0.1:9/v1"), ("GraphRag:Generator:Model", "ignored.gguf"));
        Assert.IsType<OpenAiCompatibleChatClient>(services.GetService<IChatClient>());
    }

    [Fact]
    public void Without_a_model_no_chat_client_is_registered()
    {
        using var services = Build(("GraphRag:Generator:MaxTokens", "5"));
        Assert.Null(services.GetService<IChatClient>());
    }
}
