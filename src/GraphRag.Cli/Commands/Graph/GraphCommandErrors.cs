using GraphRag.Graph.Store;

namespace GraphRag.Cli.Commands.Graph;

/// <summary>Turns an unreachable or refusing graph server into one line that says what to do.</summary>
internal static class GraphCommandErrors
{
    public static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (GraphStoreUnavailableException ex)
        {
            throw new UserFacingException(ex.Message);
        }
    }
}
