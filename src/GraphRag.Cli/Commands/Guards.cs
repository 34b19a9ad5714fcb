using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Cli.Commands;

/// <summary>Checks that turn a confusing empty result into a message saying what to do.</summary>
public static class Guards
{
    public static void RequireIngested(IServiceProvider services)
    {
        var database = services.GetRequiredService<GraphRagDatabase>();
        if (!database.Exists || services.GetRequiredService<ArticleStore>().Counts().Articles == 0)
            throw new UserFacingException($"{database.Path} holds no notes yet: run `graphrag ingest corpus/` first.");
    }
}
