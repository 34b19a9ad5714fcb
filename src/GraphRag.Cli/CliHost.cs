using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphRag.Cli;

/// <summary>
/// Builds the generic host a command runs in: configuration from appsettings.json, GRAPHRAG_*
/// environment variables, an optional --config file and the --db flag (last wins), plus the
/// services of every GraphRag library.
/// </summary>
public static class CliHost
{
    /// <param name="settings">Values a command's own flags set (e.g. ask --model), applied last.</param>
    public static IHost Build(ParseResult parse, Action<IServiceCollection>? configure = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        AddConfiguration(builder.Configuration, parse);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // Logs go to stderr: stdout carries the command's result (--json output must parse).
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddGraphRagServices(builder.Configuration);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        // Commands use the services without starting the host, so the start-up checks run here. The options
        // validators are synchronous, so waiting here blocks on nothing.
        host.Services.GetService<IAsyncStartupValidator>()?.ValidateAsync(CancellationToken.None).GetAwaiter().GetResult();
        return host;
    }

    public static void AddConfiguration(IConfigurationBuilder configuration, ParseResult parse)
    {
        // The copy beside the executable holds the defaults; one in the working directory overrides it.
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        if (parse.GetValue(GlobalOptions.Config) is { } extra)
        {
            if (!File.Exists(extra))
                throw new UserFacingException($"{extra}: settings file not found.");
            configuration.AddJsonFile(Path.GetFullPath(extra), optional: false);
        }
        configuration.AddEnvironmentVariables("GRAPHRAG_");
        if (parse.GetValue(GlobalOptions.Database) is { } db)
            configuration.AddInMemoryCollection([new($"{GraphRagOptions.Section}:Database", db)]);
    }
}
