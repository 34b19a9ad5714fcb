using GraphRag.Answer;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Claims;

public static class ClaimsServiceCollectionExtensions
{
    /// <summary>The claims checker as the answers' <see cref="IStatementChecks"/>. Expects AddGraphRagCore too.</summary>
    public static IServiceCollection AddGraphRagClaims(this IServiceCollection services) =>
        services.AddSingleton<IStatementChecks, ClaimStatementChecks>();
}
