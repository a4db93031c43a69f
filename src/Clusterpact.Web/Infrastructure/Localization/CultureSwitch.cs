using Microsoft.AspNetCore.Localization;

namespace Clusterpact.Web.Infrastructure.Localization;

public static class CultureSwitch
{
    /// <summary>The visible language switch posts here; the choice is kept for a year in a cookie.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/culture", (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string? culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
            {
                var chosen = Cultures.Resolve(culture);
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen, chosen)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                // Only local paths: never an open redirect, never a control character in the Location header.
                return Results.LocalRedirect(Requests.LocalUrl.OrHome(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
