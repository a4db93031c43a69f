using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Clusterpact.Web.Infrastructure.Requests;

/// <summary>
/// A request the framework refuses while reading it (a query or route value that does not bind, a JSON body that is
/// missing or not JSON, a body over the size limit, a form posted with an invalid antiforgery token) is the caller's
/// mistake, not ours: it answers 400 (or 413, 415) instead of 500. On the API as RFC 9457 problem details naming the
/// parameter; on pages the friendly error page with that status.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var status = StatusFor(http, exception);
        if (status is null) return false;
        http.Response.StatusCode = status.Value;
        // Pages: the exception handler's error page shows the status set here.
        if (!http.Request.Path.StartsWithSegments("/api")) return false;
        // The exception handler runs outside the localization middleware, whose culture does not flow back out:
        // answer in the language the request was read in (the client's Accept-Language, the person's switch).
        if (http.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { } requested)
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (requested.RequestCulture.Culture, requested.RequestCulture.UICulture);

        var parameter = exception is BadHttpRequestException ? ParameterName(exception.Message) : null;
        // A list's window parameter the framework could not read names the property (Limit); the client sent limit.
        if (parameter is not null && exception is not ListParameterException && TakesListWindow(http) && ListWindow.Refused(parameter) is { } window)
            exception = window;
        var problem = status switch
        {
            StatusCodes.Status413PayloadTooLarge => new ProblemDetails { Title = text["Api.TooLarge"], Detail = text["Api.TooLargeText", RequestLimits.Describe(http)] },
            StatusCodes.Status415UnsupportedMediaType => new ProblemDetails { Title = text["Api.UnsupportedMediaType"] },
            _ when exception is ListParameterException list => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [list.Parameter] = [text[list.ReasonKey, [.. list.Arguments]]] })
            {
                Title = text["Api.BadRequest"], Detail = text[list.ReasonKey, [.. list.Arguments]],
            },
            _ when parameter is not null => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [text["Api.InvalidParameter", parameter]] })
            {
                Title = text["Api.BadRequest"],
            },
            _ => new ProblemDetails { Title = text["Api.BadRequest"], Detail = text["Error.BadRequestText"] },
        };
        problem.Status = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The status for an exception that is the request's fault, or null for one that is ours (a 500).</summary>
    public static int? StatusFor(HttpContext http, Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        // The form reader's own limits (RequestLimits: fields per form, length of a value, multipart body).
        InvalidDataException when http.Request.HasFormContentType => StatusCodes.Status413PayloadTooLarge,
        // The framework refuses to read a form whose antiforgery token did not validate (minimal API form parameters).
        InvalidOperationException when http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } => StatusCodes.Status400BadRequest,
        _ => null,
    };

    /// <summary>Whether the endpoint that refused the request reads a list window (<c>[AsParameters] ListWindow</c>).</summary>
    private static bool TakesListWindow(HttpContext http) =>
        http.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<System.Reflection.MethodInfo>() is { } handler
        && handler.GetParameters().Any(p => p.ParameterType == typeof(ListWindow));

    /// <summary>
    /// The parameter the framework names in its message ("Failed to bind parameter \"ClusterSort? sort\" from \"Bogus\".",
    /// "Required parameter \"Request body\" was not provided..."): the last word between the first pair of quotes.
    /// </summary>
    public static string? ParameterName(string message) =>
        ParameterPattern().Match(message) is { Success: true } m ? m.Groups["name"].Value : null;

    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();
}
