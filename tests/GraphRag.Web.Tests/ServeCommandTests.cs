using System.Net;
using System.Net.Sockets;
using GraphRag.Cli;
using Spectre.Console;

namespace GraphRag.Web.Tests;

/// <summary>`graphrag serve` run in process, its console captured.</summary>
public sealed class ServeCommandTests
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    [Fact]
    public async Task Serve_beyond_loopback_without_a_key_exits_with_one_clear_line()
    {
        var (exitCode, output) = await RunAsync(["serve", "--urls", "http://0.0.0.0:5999"], TestContext.Current.CancellationToken);
        Assert.Equal(2, exitCode);
        Assert.Contains(Squash("error: Refusing to listen on 0.0.0.0:5999 without an API key"), output);
        Assert.DoesNotContain("StackTrace", output);
        Assert.DoesNotContain("atGraphRag.", output);
    }

    [Fact]
    public async Task Serve_with_an_address_that_is_not_a_url_says_what_one_looks_like()
    {
        var (exitCode, output) = await RunAsync(["serve", "--urls", "127.0.0.1:5080"], TestContext.Current.CancellationToken);
        Assert.Equal(2, exitCode);
        Assert.Contains(Squash("'127.0.0.1:5080' is not an http:// or https:// address (example: http://127.0.0.1:5080)"), output);
    }

    [Fact]
    public async Task Serve_answers_on_the_given_port_until_cancelled()
    {
        using var folder = new TempDirectory();
        var port = FreePort();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = RunAsync(["--db", folder.File("g.db"), "serve", "--urls", $"http://127.0.0.1:{port}"], stop.Token);

        System.Text.Json.JsonElement status;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            status = await PollAsync(client, "/api/status");
        }
        finally
        {
            stop.Cancel();
        }
        var (exitCode, output) = await run;
        Assert.Equal(0, status.GetProperty("articles").GetInt64());
        // The file's name only: the server's folders are not a client's business.
        Assert.Equal("g.db", status.GetProperty("database").GetString());
        Assert.Equal(0, exitCode);
        Assert.Contains(Squash($"Serving on http://127.0.0.1:{port}"), output);
    }

    /// <summary>Until the server answers: connection refused while it starts, 503 until it has checked its addresses.</summary>
    private static async Task<System.Text.Json.JsonElement> PollAsync(HttpClient client, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt >= 200)
                    return await Json.ReadAsync(response);
            }
            catch (HttpRequestException) when (attempt < 200)
            {
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Spectre wraps long lines at the console width (even mid-word) and styles text: compare without either.</summary>
    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+|\x1b\[[0-9;]*m", "");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        var (originalError, originalAnsi) = (Console.Error, AnsiConsole.Console);
        var output = new StringWriter();
        try
        {
            Console.SetError(output);
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            AnsiConsole.Profile.Width = 400;
            var exitCode = await GraphRagCommandLine.Create().Parse(args).InvokeAsync(cancellationToken: cancellationToken);
            return (exitCode, Squash(output.ToString()));
        }
        finally
        {
            Console.SetError(originalError);
            AnsiConsole.Console = originalAnsi;
            OneAtATime.Release();
        }
    }
}
