using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace GraphRag.Agents.SemanticKernel;

public static class NotesKernelExtensions
{
    public const string PluginName = "notes";

    /// <summary>
    /// The notes as the kernel plugin "notes" (search, ask, read_article, entity_neighbourhood, check_claims),
    /// built from the kernel's own services: add GraphRag's there first (AddGraphRagCore, AddGraphRagGraph).
    /// </summary>
    public static IKernelBuilder AddGraphRagNotes(this IKernelBuilder builder)
    {
        builder.Services.AddGraphRagAgents();
        builder.Plugins.AddFromType<NotesTools>(AgentJson.Options, PluginName);
        return builder;
    }

    /// <summary>
    /// A chat client (GraphRag's local generator, an OpenAI-compatible server, any <see cref="IChatClient"/>) as the
    /// kernel's chat service, both as <see cref="IChatClient"/> and, through Semantic Kernel's adapter, as
    /// <see cref="IChatCompletionService"/>. The notes' ask function then has it write its grounded answers too.
    /// </summary>
    public static IKernelBuilder AddGraphRagChat(this IKernelBuilder builder, IChatClient chat)
    {
        builder.Services.AddChatClient(chat);
        builder.Services.AddSingleton(services => services.GetRequiredService<IChatClient>().AsChatCompletionService(services));
        return builder;
    }
}
