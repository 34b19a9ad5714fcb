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

    /// <summary>
    /// The folders whose notes POST /api/ingest/folder may read (after symbolic links are resolved;
    /// hidden files and folders and other file types are refused). Empty by default: then only the
    /// upload folder, and clients can only upload.
    /// </summary>
    public List<string> IngestRoots { get; set; } = [];

    /// <summary>Most note files one folder request may ingest; a bigger request is refused before any work.</summary>
    public int MaxFolderFiles { get; set; } = 5_000;

    /// <summary>Most bytes of notes one folder request may ingest.</summary>
    public long MaxFolderBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Ingestion jobs that may run at once; one more is answered 429 until one ends or is cancelled.</summary>
    public int MaxRunningJobs { get; set; } = 4;

    /// <summary>What is wrong with these settings, one line each; empty when they can be used.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var root in IngestRoots)
        {
            if (string.IsNullOrWhiteSpace(root) || !Directory.Exists(root))
                yield return $"{Section}:IngestRoots: '{root}' is not a folder on this server.";
        }
        if (MaxFolderFiles < 1)
            yield return $"{Section}:MaxFolderFiles must be at least 1 (got {MaxFolderFiles}).";
        if (MaxFolderBytes < 1)
            yield return $"{Section}:MaxFolderBytes must be at least 1 (got {MaxFolderBytes}).";
        if (MaxRunningJobs < 1)
            yield return $"{Section}:MaxRunningJobs must be at least 1 (got {MaxRunningJobs}).";
    }
}
