using System.Net;
using Microsoft.AspNetCore.Localization;

namespace Clusterpact.Web.Infrastructure.Nodes;

/// <summary>
/// While the database cannot be reached (a restart, a fail-over), a request that needs it gets 503 with Retry-After and a
/// page that says so, instead of the 500 "something went wrong": the page is written here, without the layout, the
/// signed-in menu or anything else that would need the database again. The API answers a problem document.
/// </summary>
public static class DatabaseOutage
{
    public const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseDatabaseOutagePage(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage))
                .LogWarning("Database unavailable for {Method} {Path}: {Error}", http.Request.Method, http.Request.Path, ex.GetBaseException().Message);
            await WriteAsync(http);
        }
    });

    private static async Task WriteAsync(HttpContext http)
    {
        var culture = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? Cultures.Dutch;
        var text = http.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SharedResource));
        string title, body;
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            title = text["Error.Unavailable"].Value;
            body = text["Error.UnavailableText"].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: title, detail: body, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        var lang = culture.TwoLetterISOLanguageName;
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(title)} - Clusterpact</title></head>
            <body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
            <main><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(body)}</p><p><a href="{WebUtility.HtmlEncode(http.Request.PathBase + http.Request.Path)}">Clusterpact</a></p></main>
            </body>
            </html>
            """);
    }
}
