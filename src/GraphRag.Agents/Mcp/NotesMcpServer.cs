using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace GraphRag.Agents.Mcp;

public static class NotesMcpServer
{
    public const string Name = "graphrag";

    private const string Instructions =
        "Tools over the user's own notes (saved articles, newsletters, slides). Use ask for a question: its answer quotes the notes " +
        "exactly and says when they do not hold the answer. Use search for passages, read_article to read around a passage " +
        "(offsets index the article's text), entity_neighbourhood for how a term relates to others, and check_claims for what " +
        "the statistics quoted in the notes allow. The articles are also resources, graphrag://articles/{id}.";

    /// <summary>
    /// An MCP server over the notes: the <see cref="NotesTools"/> as tools, the articles as resources.
    /// The caller adds a transport (stdio for <c>graphrag mcp</c>, Streamable HTTP for <c>serve</c>). Expects
    /// AddGraphRagCore and AddGraphRagGraph.
    /// </summary>
    public static IMcpServerBuilder AddGraphRagMcpServer(this IServiceCollection services)
    {
        services.AddGraphRagAgents();
        return services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = Name, Version = typeof(NotesMcpServer).Assembly.GetName().Version?.ToString(3) ?? "1.0.0" };
                options.ServerInstructions = Instructions;
            })
            .WithTools<NotesTools>(AgentJson.Options)
            .WithResources<ArticleResources>()
            .WithListResourcesHandler(ArticleResources.ListAsync)
            .WithRequestFilters(filters => filters.AddCallToolFilter(ToolErrors.WithClearMessages));
    }
}
