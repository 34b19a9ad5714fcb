using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;

namespace GraphRag.Web.Tests;

/// <summary>
/// "No API key: loopback only" holds on the addresses the server actually binds, whichever
/// configuration path names them: the option (--urls), the host's "urls" setting (what
/// GRAPHRAG_urls sets), Kestrel:Endpoints, and code. Each binds a real socket.
/// </summary>
public sealed class BoundAddressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> SettingsThatBindEveryInterface => ["urls", "Kestrel:Endpoints:Open:Url"];

    [Theory]
    [MemberData(nameof(SettingsThatBindEveryInterface))]
    public async Task A_setting_that_binds_every_interface_without_a_key_stops_the_server_before_it_answers(string setting)
    {
        var port = FreePort();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => WebAppHost.StartAsync(inMemory: false,
            settings: new Dictionary<string, string?> { [setting] = $"http://0.0.0.0:{port}" }));
        Assert.StartsWith($"Refusing to listen on 0.0.0.0:{port} without an API key", error.Message);
        Assert.False(Listening(port), "the port is still open after the refusal");
    }

    [Fact]
    public async Task Code_that_binds_every_interface_without_a_key_stops_the_server_before_it_answers()
    {
        var port = FreePort();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => WebAppHost.StartAsync(inMemory: false,
            configureBuilder: builder => builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(port))));
        Assert.Contains("without an API key", error.Message);
        Assert.False(Listening(port), "the port is still open after the refusal");
    }

    [Fact]
    public async Task Bound_beyond_loopback_with_a_key_any_host_name_is_answered_but_only_with_the_key()
    {
        var port = FreePort();
        await using var host = await WebAppHost.StartAsync(o => o.ApiKey = "k3y", inMemory: false,
            settings: new Dictionary<string, string?> { ["urls"] = $"http://0.0.0.0:{port}" });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        // The attack of the issue: a remote client naming the loopback host. Without the key: 401.
        using var noKey = new HttpRequestMessage(HttpMethod.Get, "/api/articles") { Headers = { Host = "127.0.0.1" } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(noKey, Ct)).StatusCode);
        using var withKey = new HttpRequestMessage(HttpMethod.Get, "/api/articles") { Headers = { Host = "notes.example" } };
        withKey.Headers.Add("X-Api-Key", "k3y");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(withKey, Ct)).StatusCode);
    }

    [Fact]
    public async Task On_loopback_a_real_server_refuses_a_foreign_host_name_and_answers_its_own()
    {
        await using var host = await WebAppHost.StartAsync(inMemory: false);
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { Host = "rebound.example" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.SendAsync(foreign, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/status", Ct)).StatusCode);
    }

    /// <summary>The settings above, as a user sets them for `serve` (ASPNETCORE_URLS is not among them: serve's own address wins over it).</summary>
    public static TheoryData<string> EnvironmentVariablesThatBindEveryInterface => ["GRAPHRAG_urls", "GRAPHRAG_Kestrel__Endpoints__Open__Url"];

    [Theory]
    [MemberData(nameof(EnvironmentVariablesThatBindEveryInterface))]
    public async Task Serve_bound_beyond_loopback_by_the_environment_without_a_key_exits_with_one_line(string variable)
    {
        using var folder = new TempDirectory();
        var port = FreePort();
        var result = await CliProcess.RunAsync(folder.Path, new Dictionary<string, string> { [variable] = $"http://0.0.0.0:{port}" },
            "--db", folder.File("g.db"), "serve", "--urls", $"http://127.0.0.1:{FreePort()}");

        Assert.True(result.ExitCode == 2, result.Output);
        Assert.Contains($"error: Refusing to listen on 0.0.0.0:{port} without an API key", result.Stderr);
        Assert.DoesNotContain("No API key: loopback only", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
        Assert.False(Listening(port));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listening(int port)
    {
        using var socket = new TcpClient();
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
