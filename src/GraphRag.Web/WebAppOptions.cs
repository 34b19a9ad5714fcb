namespace GraphRag.Web;

/// <summary>
/// How the web app listens and what it accepts. Bound from GraphRag:Web; <c>serve</c> flags override.
/// </summary>
public sealed class WebAppOptions
{
    public const string Section = "GraphRag:Web";
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Semicolon-separated listen addresses, as ASP.NET Core's --urls takes them.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>When set, every /api request must carry it in the X-Api-Key header. Required off loopback.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Largest JSON request body (questions, folder paths). Bigger bodies get 413.</summary>
    public long MaxJsonBytes { get; set; } = 64 * 1024;

    /// <summary>Largest multipart upload (all files of one request together).</summary>
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Where uploaded files are kept so that re-uploading one updates its articles. Default: "uploads" beside the database.</summary>
    public string? UploadDirectory { get; set; }

    /// <summary>Where <c>eval</c> writes its report folders (one per dataset, each with report.html).</summary>
    public string ReportsDirectory { get; set; } = "eval-reports";
}
