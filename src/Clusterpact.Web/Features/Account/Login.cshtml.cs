using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Clusterpact.Web.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text, ILogger<LoginModel> log) : PageModel
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

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalSchemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();
        if (!ModelState.IsValid) return Page();

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (user is { IsActive: false })
        {
            ModelState.AddModelError(string.Empty, text["Account.Inactive"]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user?.UserName ?? Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            log.LogWarning("Sign-in refused: {Email} is locked out", Input.Email);
            ModelState.AddModelError(string.Empty, text["Account.LockedOut"]);
            return Page();
        }
        if (!result.Succeeded)
        {
            log.LogInformation("Sign-in failed for {Email}", Input.Email);
            ModelState.AddModelError(string.Empty, text["Account.InvalidLogin"]);
            return Page();
        }
        // The interface follows the person's own language from the moment they sign in.
        var culture = Cultures.Resolve(user!.PreferredCulture);
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture, culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        log.LogInformation("{Email} signed in", Input.Email);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
