using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Clusterpact.Web.Infrastructure.Requests;

/// <summary>
/// How large a request may be, stated once in configuration (section <c>RequestLimits</c>) and applied to Kestrel, to
/// the form reader and, for any host, by <see cref="RequestLimits.UseRequestLimits"/>: a body over the limit is a 413
/// with a message before anything reads it. The largest legitimate request is an application attachment (20 MB) or a
/// member list (TabularFile.MaxBytes), so the body limit leaves room for those and the form around them.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>The whole request body, in bytes (a page or endpoint may set a lower one with [RequestSizeLimit]).</summary>
    public long MaxBodyBytes { get; set; } = 30 * 1024 * 1024;

    /// <summary>The number of fields in one form post.</summary>
    public int MaxFormFields { get; set; } = 1024;

    /// <summary>The length of one form field's value, in bytes.</summary>
    public int MaxFormValueBytes { get; set; } = 4 * 1024 * 1024;
}

public static class RequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration config)
    {
        var limits = config.GetSection(RequestLimitsOptions.Section).Get<RequestLimitsOptions>() ?? new RequestLimitsOptions();
        services.AddSingleton(limits);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = limits.MaxBodyBytes);
        services.Configure<FormOptions>(o =>
        {
            o.ValueCountLimit = limits.MaxFormFields;
            o.ValueLengthLimit = limits.MaxFormValueBytes;
            o.MultipartBodyLengthLimit = limits.MaxBodyBytes;
        });
        return services;
    }

    /// <summary>
    /// Refuses a body whose declared length is over the endpoint's limit with 413 before anything reads it, whatever the
    /// host (Kestrel refuses a longer chunked body itself, as a 413 through <see cref="BadRequestExceptionHandler"/>).
    /// After routing, so that a page's own [RequestSizeLimit] counts.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // The error page, run again for the refused request, must not be refused in turn.
        if (http.Request.ContentLength > Limit(http) && http.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = text["Api.TooLarge"], Detail = text["Api.TooLargeText", Describe(http)] },
                });
            }
            return; // pages: the status code page says it in the user's language
        }
        await next(http);
    });

    private static long Limit(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? http.RequestServices.GetRequiredService<RequestLimitsOptions>().MaxBodyBytes;

    /// <summary>The limit in megabytes, as the messages state it.</summary>
    public static string Describe(HttpContext http) =>
        (Limit(http) / (1024d * 1024d)).ToString("0.#", CultureInfo.CurrentCulture) + " MB";
}
