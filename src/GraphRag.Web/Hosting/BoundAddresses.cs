using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace GraphRag.Web.Hosting;

/// <summary>
/// The "no API key: loopback only" rule, enforced on the addresses the server actually bound, however
/// they were set (--urls, GraphRag:Web:Urls, ASPNETCORE_URLS, GRAPHRAG_urls, Kestrel:Endpoints, code),
/// and the Host check against DNS rebinding that goes with loopback. Until <see cref="Check"/> has
/// passed, every request is refused (503): nothing is answered from an address that is about to be
/// found exposed.
/// </summary>
public sealed class BoundAddresses(WebAppOptions options)
{
    private static readonly string[] LoopbackHostNames = ["localhost", "127.0.0.1", "[::1]"];

    private volatile bool _checked;
    private volatile bool _loopbackOnly;

    /// <summary>The addresses bound, as the server reports them; empty for an in-memory test server.</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    /// <exception cref="ArgumentException">An address beyond loopback is bound and no API key is set.</exception>
    public void Check(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var parsed = ListenAddresses.Parse(addresses);
        ListenAddresses.RequireKeyOffLoopback(parsed, options.ApiKey);
        Addresses = addresses;
        _loopbackOnly = parsed.All(ListenAddresses.IsLoopback);
        _checked = true;
    }

    /// <summary>Middleware: refuse everything before the check, and foreign host names while on loopback.</summary>
    public Task Guard(HttpContext context, RequestDelegate next)
    {
        if (!_checked)
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting",
                detail: "The server has not finished starting.").ExecuteAsync(context);
        // On loopback only loopback host names are answered: a page on another site that rebinds its
        // own name to 127.0.0.1 cannot read the API.
        if (_loopbackOnly && !LoopbackHostNames.Contains(context.Request.Host.Host, StringComparer.OrdinalIgnoreCase))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown host",
                detail: "This server answers only requests for localhost, 127.0.0.1 or [::1].").ExecuteAsync(context);
        return next(context);
    }
}
