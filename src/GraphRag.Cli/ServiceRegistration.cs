using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Cli;

/// <summary>Wires every GraphRag library into the host. One line per library.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddGraphRagServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGraphRagCore(configuration);
        return services;
    }
}
