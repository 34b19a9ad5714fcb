using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GraphRag.Agents;

public static class AgentsServiceCollectionExtensions
{
    /// <summary>The notes' tools for agents. Expects AddGraphRagCore and AddGraphRagGraph, whose services they call.</summary>
    public static IServiceCollection AddGraphRagAgents(this IServiceCollection services)
    {
        services.TryAddSingleton<NotesTools>();
        return services;
    }
}
