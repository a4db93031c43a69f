using Microsoft.Extensions.Options;

namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>
/// While <see cref="SignInSecurityOptions.RequireTwoFactorForStaff"/> is on, a signed-in member of agency staff whose
/// session has no second factor (never enrolled, or signed in another way) reaches nothing but the two-factor page,
/// sign-in and sign-out, the error page and the language switch: every other page is a redirect to /TwoFactor, every API
/// call a 403. One gate for all pages, so a page added later cannot forget it.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next, IOptionsMonitor<SignInSecurityOptions> options)
{
    /// <summary>The enrolment and confirmation page.</summary>
    public const string TwoFactorPage = "/TwoFactor";

    private static readonly string[] Open = [TwoFactorPage, "/Account", "/Error", "/culture"];

    public async Task InvokeAsync(HttpContext http, IStringLocalizer<SharedResource> text)
    {
        if (!MustStop(http)) { await next(http); return; }
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = text["TwoFactor.Required"], Detail = text["TwoFactor.RequiredText"] },
            });
            return;
        }
        var back = HttpMethods.IsGet(http.Request.Method) ? http.Request.Path + http.Request.QueryString : "/";
        http.Response.Redirect(TwoFactorPage + "?returnUrl=" + Uri.EscapeDataString(back));
    }

    private bool MustStop(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
        && options.CurrentValue.TwoFactorRequiredFor(http.User)
        // A machine client signs in with its token, not as a person: its owner's second factor guarded its creation.
        && !Clients.ClientClaims.IsClient(http.User)
        && !SignInSecurity.HasSecondFactor(http.User)
        && !Open.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
