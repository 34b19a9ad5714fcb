using System.ComponentModel;
using System.Globalization;
using GraphRag.Store;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace GraphRag.Agents.Mcp;

/// <summary>
/// The articles of the notes as MCP resources, <c>graphrag://articles/{id}</c>: listed by title, read as
/// their cleaned text, the text that every offset in search hits, citations and claims indexes.
/// </summary>
[McpServerResourceType]
public sealed class ArticleResources(ArticleStore articles)
{
    public const string UriPrefix = "graphrag://articles/";
    public const string MimeType = "text/plain";

    public static string UriOf(long id) => UriPrefix + id.ToString(CultureInfo.InvariantCulture);

    [McpServerResource(UriTemplate = UriPrefix + "{id}", Name = "article", Title = "An article of the notes", MimeType = MimeType)]
    [Description("The cleaned text of one article of the notes; the offsets in search hits, citations and claims index this text.")]
    public TextResourceContents Read(string id)
    {
        var article = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? articles.GetArticle(number) : null;
        return article is null
            ? throw new McpProtocolException($"No article has id '{id}': resources/list names the articles there are.", McpErrorCode.ResourceNotFound)
            : new TextResourceContents { Uri = UriOf(article.Id), MimeType = MimeType, Text = article.Text };
    }

    /// <summary>resources/list: every article, by title, with its file and length.</summary>
    public static ValueTask<ListResourcesResult> ListAsync(RequestContext<ListResourcesRequestParams> request, CancellationToken cancellationToken)
    {
        var store = request.Services!.GetRequiredService<ArticleStore>();
        var resources = store.ListArticles().Select(a => new Resource
        {
            Uri = UriOf(a.Id),
            Name = a.Title,
            Title = a.Title,
            Description = $"{Path.GetFileName(a.SourcePath)}, {a.Text.Length:N0} characters",
            MimeType = MimeType,
        }).ToList();
        return ValueTask.FromResult(new ListResourcesResult { Resources = resources });
    }
}
