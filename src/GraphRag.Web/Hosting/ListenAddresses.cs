using System.Net;

namespace GraphRag.Web.Hosting;

/// <summary>
/// The addresses the server will bind, checked before it starts: each must be an http(s) URL, and
/// any address other than loopback needs an API key, since anyone on the network could otherwise
/// read the notes and ingest files.
/// </summary>
public static class ListenAddresses
{
    public static IReadOnlyList<Uri> Parse(string urls)
    {
        var parsed = new List<Uri>();
        foreach (var part in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "*" and "+" are Kestrel's wildcards; Uri would reject them.
            var normalised = part.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0");
            if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"--urls: '{part}' is not an http:// or https:// address (example: {WebAppOptions.DefaultUrls}).");
            parsed.Add(uri);
        }
        if (parsed.Count == 0)
            throw new ArgumentException($"--urls is empty (example: {WebAppOptions.DefaultUrls}).");
        return parsed;
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    /// <exception cref="ArgumentException">An address is not loopback and no API key is set.</exception>
    public static void RequireKeyOffLoopback(IReadOnlyList<Uri> addresses, string? apiKey)
    {
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count > 0 && string.IsNullOrWhiteSpace(apiKey))
            throw new ArgumentException(
                $"Refusing to listen on {string.Join(", ", exposed.Select(a => a.Authority))} without an API key: " +
                "set --api-key (or GraphRag:Web:ApiKey / GRAPHRAG_GraphRag__Web__ApiKey), or bind to 127.0.0.1.");
    }
}
