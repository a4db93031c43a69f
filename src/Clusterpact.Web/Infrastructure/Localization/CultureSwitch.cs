using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Clusterpact.Web.Infrastructure.Localization;

public static class CultureSwitch
{
    /// <summary>
    /// The visible language switch posts here; the choice is kept for a year in a cookie and, for a signed-in person,
    /// as their language, so the e-mails they are sent and their next sign-in on another device use it too.
    /// </summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/culture", async (HttpContext http, UserManager<AppUser> users, [Microsoft.AspNetCore.Mvc.FromForm] string? culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
            {
                var chosen = Cultures.Resolve(culture);
                if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } person
                    && !string.Equals(Cultures.Resolve(person.PreferredCulture).Name, chosen.Name, StringComparison.Ordinal))
                {
                    person.PreferredCulture = chosen.Name;
                    await users.UpdateAsync(person);
                }
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen, chosen)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                // Only local paths: never an open redirect, never a control character in the Location header.
                return Results.LocalRedirect(Requests.LocalUrl.OrHome(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
