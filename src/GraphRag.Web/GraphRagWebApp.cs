using System.Text.Json.Serialization;
using GraphRag.Web.Api;
using GraphRag.Web.Hosting;
using GraphRag.Web.Ingestion;
using GraphRag.Web.Mcp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Routing;
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
    /// <summary>
    /// Builds the app. Start it with <see cref="StartAsync"/>: it answers nothing until the addresses
    /// it bound have been checked.
    /// </summary>
    /// <param name="configureBuilder">A last say over the builder (tests swap in an in-memory server).</param>
    /// <exception cref="ArgumentException">Bad --urls, a non-loopback address without an API key, or bad settings.</exception>
    public static WebApplication Build(
        WebAppOptions options,
        IConfiguration configuration,
        Action<IServiceCollection> addGraphRagServices,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        // Refused early when the flag or setting already says so; BoundAddresses checks what was actually bound.
        ListenAddresses.RequireKeyOffLoopback(ListenAddresses.Parse(options.Urls), options.ApiKey);
        if (options.Problems().FirstOrDefault() is { } problem)
            throw new ArgumentException(problem);

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
        services.AddSingleton<IngestRoots>();
        services.AddSingleton<BoundAddresses>();
        // A body that cannot be read (malformed JSON, a wrong type) becomes an exception, so its 400 says why.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        configureBuilder?.Invoke(builder);

        var app = builder.Build();
        var bound = app.Services.GetRequiredService<BoundAddresses>();
        app.Use(bound.Guard);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
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
        // Unknown /api paths answer with a JSON 404, not the page; a JSON endpoint sent something else says so.
        api.Map("/{**rest}", (string rest, HttpRequest request, EndpointDataSource endpoints) =>
            JsonEndpoints.Accepting(endpoints, request) is { } accepting
                ? ApiProblems.UnsupportedMediaType($"{request.Method} {request.Path} takes a JSON body: send it with Content-Type: {string.Join(" or ", accepting)}.")
                : ApiProblems.NotFound($"No API endpoint at /api/{rest}."));
        return app;
    }

    /// <summary>
    /// Starts the app, then checks the addresses it bound (<see cref="BoundAddresses"/>): beyond
    /// loopback without an API key it stops again and throws, before answering any request.
    /// </summary>
    /// <exception cref="ArgumentException">An address beyond loopback is bound and no API key is set.</exception>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.StartAsync(cancellationToken);
        try
        {
            app.Services.GetRequiredService<BoundAddresses>().Check(app.Services.GetRequiredService<IServer>());
        }
        catch (ArgumentException)
        {
            await app.StopAsync(CancellationToken.None);
            throw;
        }
    }
}
