using System.CommandLine;
using GraphRag.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace GraphRag.Cli.Commands;

/// <summary><c>serve [--urls http://127.0.0.1:5080] [--api-key KEY]</c>: the web page and HTTP API until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, ';'-separated (default GraphRag:Web:Urls, else {WebAppOptions.DefaultUrls})" };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "Require this key in the X-Api-Key header of API requests (required off loopback; default GraphRag:Web:ApiKey)",
        };
        var command = new Command("serve", "Serve the web page and HTTP API: ask, read the evidence, explore the graph, ingest") { urls, apiKey };
        command.SetGuardedAction(async (parse, cancellationToken) =>
        {
            var configuration = new ConfigurationManager();
            CliHost.AddConfiguration(configuration, parse);
            var options = configuration.GetSection(WebAppOptions.Section).Get<WebAppOptions>() ?? new WebAppOptions();
            options.Urls = parse.GetValue(urls) ?? options.Urls;
            options.ApiKey = parse.GetValue(apiKey) ?? options.ApiKey;

            await using var app = GraphRagWebApp.Build(options, configuration, services => services.AddGraphRagServices(configuration));
            await GraphRagWebApp.StartAsync(app, cancellationToken);
            foreach (var url in app.Urls)
                AnsiConsole.MarkupLine($"Serving on [bold]{Markup.Escape(url)}[/]  (API: {Markup.Escape(url)}/openapi/v1.json, MCP: {Markup.Escape(url)}/api/mcp)");
            AnsiConsole.MarkupLine(string.IsNullOrEmpty(options.ApiKey)
                ? "[grey]No API key: loopback only. Press Ctrl+C to stop.[/]"
                : "[grey]API requests need the X-Api-Key header. Press Ctrl+C to stop.[/]");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
