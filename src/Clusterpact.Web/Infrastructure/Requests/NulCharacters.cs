using Microsoft.AspNetCore.Diagnostics;

namespace Clusterpact.Web.Infrastructure.Requests;

/// <summary>
/// A NUL character is never part of what a person types, and PostgreSQL cannot compare one in text (SQLite can): a
/// query value that carries one (a search, a filter) is a 400 here, the same on both databases, instead of a 500 from
/// the database. Form values are left to the forms, which store through the domain's text checks.
/// </summary>
public static class NulCharacters
{
    public static IApplicationBuilder UseNoNulCharacters(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is null && await CarriesNulAsync(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = text["Api.BadRequest"] },
                });
            }
            return; // pages: the status code page says it in the user's language
        }
        await next(http);
    });

    private static Task<bool> CarriesNulAsync(HttpRequest request) =>
        Task.FromResult(request.Query.Any(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)));
}
