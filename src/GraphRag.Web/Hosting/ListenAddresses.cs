using System.Net;

namespace GraphRag.Web.Hosting;

/// <summary>
/// Listen addresses: each must be an http(s) URL, and any address other than loopback needs an API
/// key, since anyone on the network could otherwise read the notes and ingest files. Checked on the
/// configured addresses before the server is built, and on the bound ones after it starts (<see cref="BoundAddresses"/>).
/// </summary>
public static class ListenAddresses
{
    /// <param name="urls">Semicolon-separated, as --urls and GraphRag:Web:Urls take them.</param>
    public static IReadOnlyList<Uri> Parse(string urls)
    {
        var parsed = Parse(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (parsed.Count == 0)
            throw new ArgumentException($"--urls (GraphRag:Web:Urls) is empty (example: {WebAppOptions.DefaultUrls}).");
        return parsed;
    }

    /// <param name="addresses">One address each: as configured, or as the server reports what it bound.</param>
    public static IReadOnlyList<Uri> Parse(IEnumerable<string> addresses)
    {
        var parsed = new List<Uri>();
        foreach (var part in addresses)
        {
            // "*" and "+" are Kestrel's wildcards; Uri would reject them.
            var normalised = part.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0");
            if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"--urls (GraphRag:Web:Urls): '{part}' is not an http:// or https:// address (example: {WebAppOptions.DefaultUrls}).");
            parsed.Add(uri);
        }
        return parsed;
    }

    /// <summary>localhost or a loopback IP; a wildcard (0.0.0.0, [::]) or any other name binds every interface.</summary>
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
