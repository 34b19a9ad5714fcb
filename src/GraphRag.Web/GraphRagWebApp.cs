using System.Text.Json.Serialization;
using GraphRag.Web.Api;
using GraphRag.Web.Hosting;
using GraphRag.Web.Ingestion;
using GraphRag.Web.Mcp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphRag.Web;

/// <summary>
/// Builds the web app: the JSON API under /api (OpenAPI at /openapi/v1.json, MCP at /api/mcp) and the single page
/// at /. The caller supplies the GraphRag services (the CLI's composition root), so this project
/// does not depend on the CLI.
/// </summary>
public static class GraphRagWebApp
{
    /// <param name="configureBuilder">A last say over the builder (tests swap in an in-memory server).</param>
    /// <exception cref="ArgumentException">Bad --urls, or a non-loopback address without an API key.</exception>
    public static WebApplication Build(
        WebAppOptions options,
        IConfiguration configuration,
        Action<IServiceCollection> addGraphRagServices,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var addresses = ListenAddresses.Parse(options.Urls);
        ListenAddresses.RequireKeyOffLoopback(addresses, options.ApiKey);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(GraphRagWebApp).Assembly.GetName().Name,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        // Before the caller's configuration is chained in: a setting written after that would be
        // written through to it, and a configuration with no sources refuses writes.
        builder.WebHost.UseUrls(options.Urls);
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The default for every request; the upload endpoint raises it for itself.
            kestrel.Limits.MaxRequestBodySize = options.MaxJsonBytes;
        });

        var services = builder.Services;
        addGraphRagServices(services);
        services.AddSingleton(options);
        services.AddSingleton(JobHistory.Migrations);
        services.AddSingleton<JobHistory>();
        services.AddSingleton<IngestionJobs>();
        services.AddSingleton<UploadFolder>();
        McpEndpoint.AddServices(services);
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<HostFilteringOptions>(filtering => filtering.AllowedHosts = AllowedHosts(addresses));
        configureBuilder?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // On loopback only loopback host names are answered: a page on another site that rebinds its
        // own name to 127.0.0.1 cannot read the API.
        app.UseHostFiltering();
        app.UseMiddleware<SameOriginGuard>();
        app.UseMiddleware<ApiKeyMiddleware>();
        Page.Map(app);

        app.MapOpenApi();
        var api = app.MapGroup("/api");
        StatusEndpoints.Map(api);
        SearchEndpoints.Map(api);
        OverviewEndpoints.Map(api, options);
        ArticleEndpoints.Map(api);
        DocumentEndpoints.Map(api);
        IngestEndpoints.Map(api, options);
        GraphEndpoints.Map(api);
        ClaimEndpoints.Map(api);
        ReportEndpoints.Map(app, api, options);
        McpEndpoint.Map(api);
        // Unknown /api paths answer with a JSON 404, not the page.
        api.Map("/{**rest}", (string rest) => ApiProblems.NotFound($"No API endpoint at /api/{rest}."));
        return app;
    }

    private static IList<string> AllowedHosts(IReadOnlyList<Uri> addresses) =>
        addresses.All(ListenAddresses.IsLoopback) ? ["localhost", "127.0.0.1", "[::1]"] : ["*"];
}
