using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;

namespace GraphRag.Web.Hosting;

/// <summary>
/// Serves the single page (index.html, app.css, app.js, explorer.js) from the assembly's embedded
/// resources. A strict content security policy: the page runs only its own scripts and fetches
/// only from this server.
/// </summary>
public static class Page
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    public static void Map(WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(Page).Assembly, "wwwroot");
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/reports"))
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                context.Response.Headers.XContentTypeOptions = "nosniff";
            }
            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // The page changes with the server: always revalidate, never serve yesterday's script.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
