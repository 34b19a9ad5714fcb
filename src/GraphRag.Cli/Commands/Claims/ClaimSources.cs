using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Cli.Commands.Claims;

/// <summary>A text to search for claims, and where it came from (offsets of its claims refer to <see cref="Text"/>).</summary>
public sealed record ClaimSource(long? ArticleId, string Title, string SourcePath, string Text);

/// <summary>Where `claims` reads: the ingested notes (title and cleaned text of each article), or a plain text file given with --file.</summary>
internal static class ClaimSources
{
    public static IReadOnlyList<ClaimSource> FromStore(IServiceProvider services, string? article)
    {
        Guards.RequireIngested(services);
        var articles = services.GetRequiredService<ArticleStore>().ListArticles()
            .Select(a => new ClaimSource(a.Id, a.Title, a.SourcePath, a.Text));
        if (article is not null)
        {
            articles = long.TryParse(article, out var id)
                ? articles.Where(a => a.ArticleId == id)
                : articles.Where(a => a.Title.Contains(article, StringComparison.OrdinalIgnoreCase));
        }
        var list = articles.ToList();
        if (article is not null && list.Count == 0)
            throw new UserFacingException($"No ingested article has id or title '{article}'.");
        return list;
    }

    public static IReadOnlyList<ClaimSource> FromFile(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: file not found.", path);
        return [new ClaimSource(null, Path.GetFileName(path), path, File.ReadAllText(path))];
    }
}
