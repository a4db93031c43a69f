using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;

namespace Clusterpact.Web.Features.Account;

[EnableRateLimiting(SignInSecurity.CredentialPolicy)]
public sealed class LoginModel(SignInManager<AppUser> signIn, PasswordSignIn passwordSignIn, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), Display(Name = "Account.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Account.Password")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public IList<AuthenticationScheme> ExternalSchemes { get; private set; } = [];

    public async Task OnGetAsync() => ExternalSchemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ExternalSchemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();
        if (!ModelState.IsValid) return Page();

        var attempt = await passwordSignIn.HandleAsync(Input.Email, Input.Password, ct);
        switch (attempt.Outcome)
        {
            case SignInOutcome.NeedsSecondFactor:
                return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl = LocalTarget(Url, ReturnUrl) });
            case SignInOutcome.SignedIn:
                UseLanguageOf(Response, attempt.User!);
                return LocalRedirect(LocalTarget(Url, ReturnUrl));
            default:
                // One answer for an unknown address, a wrong password, a deactivated or a paused account (no enumeration).
                ModelState.AddModelError(string.Empty, text["Account.InvalidLogin"]);
                return Page();
        }
    }

    internal static string LocalTarget(IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? returnUrl! : "/";

    /// <summary>The interface follows the person's own language from the moment they sign in.</summary>
    internal static void UseLanguageOf(HttpResponse response, AppUser user)
    {
        var culture = Cultures.Resolve(user.PreferredCulture);
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture, culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
    }
}
