using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GraphRag.Web.Api;

/// <summary>
/// The evaluation reports <c>graphrag eval</c> wrote (one folder per dataset under
/// GraphRag:Web:ReportsDirectory): a list, newest first, and each report.html / results.json.
/// </summary>
public static class ReportEndpoints
{
    /// <summary>report.html is self-contained (inline CSS and SVG, no scripts): let it style itself and nothing more.</summary>
    public const string ReportSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public sealed record ReportEntry(string Name, DateTimeOffset ModifiedAt, string Url, string? ResultsUrl);

    public static void Map(WebApplication app, RouteGroupBuilder api, WebAppOptions options)
    {
        var root = Path.GetFullPath(options.ReportsDirectory);

        api.MapGet("/reports", () => TypedResults.Ok(List(root)))
            .WithName("ListReports")
            .WithSummary("Evaluation reports, newest first");

        api.MapGet("/reports/latest", Results<RedirectHttpResult, ProblemHttpResult> () =>
                List(root).FirstOrDefault() is { } latest
                    ? TypedResults.Redirect(latest.Url)
                    : ApiProblems.NotFound($"No evaluation report under {root}: run `graphrag eval --dataset notes` first."))
            .WithName("LatestReport");

        app.MapGet("/reports/{name}/{file}", Results<PhysicalFileHttpResult, ProblemHttpResult> (string name, string file, HttpContext context) =>
            {
                var contentType = file switch
                {
                    "report.html" => "text/html; charset=utf-8",
                    "results.json" => "application/json",
                    "report.md" => "text/markdown; charset=utf-8",
                    _ => null,
                };
                var folder = Folder(root, name);
                if (contentType is null || folder is null || !File.Exists(Path.Combine(folder, file)))
                    return ApiProblems.NotFound($"No {file} in an evaluation report named '{name}'.");
                context.Response.Headers.ContentSecurityPolicy = ReportSecurityPolicy;
                return TypedResults.PhysicalFile(Path.Combine(folder, file), contentType);
            })
            .WithName("GetReportFile");
    }

    internal static List<ReportEntry> List(string root) =>
        !Directory.Exists(root)
            ? []
            : Directory.EnumerateDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, "report.html")))
                .Select(d => (Name: Path.GetFileName(d), Modified: File.GetLastWriteTimeUtc(Path.Combine(d, "report.html")),
                    HasResults: File.Exists(Path.Combine(d, "results.json"))))
                .OrderByDescending(r => r.Modified)
                .Select(r => new ReportEntry(r.Name, new DateTimeOffset(r.Modified, TimeSpan.Zero), Url(r.Name, "report.html"),
                    r.HasResults ? Url(r.Name, "results.json") : null))
                .ToList();

    private static string Url(string name, string file) => $"/reports/{Uri.EscapeDataString(name)}/{file}";

    /// <summary>The report folder with this exact name directly under the root; null for anything else (no "..", no nesting).</summary>
    private static string? Folder(string root, string name)
    {
        if (name.Length == 0 || name is "." or ".." || name.IndexOfAny(['/', '\\']) >= 0)
            return null;
        var folder = Path.Combine(root, name);
        return Directory.Exists(folder) ? folder : null;
    }
}
