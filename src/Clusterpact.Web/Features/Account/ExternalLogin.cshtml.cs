using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Features.Account;

/// <summary>
/// Sign-in through the agency's OpenID Connect provider (when configured). Only people an administrator has
/// created may enter: the provider's e-mail is matched to an active account, and the link is remembered.
/// </summary>
public sealed class ExternalLoginModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text, ILogger<ExternalLoginModel> log) : PageModel
{
    public string? Error { get; private set; }

    public IActionResult OnGet() => RedirectToPage("/Account/Login");

    public IActionResult OnPost(string provider, string? returnUrl)
    {
        var redirect = Url.Page("/Account/ExternalLogin", "Callback", new { returnUrl });
        var props = signIn.ConfigureExternalAuthenticationProperties(provider, redirect);
        return new ChallengeResult(provider, props);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Error = text["Account.ExternalFailed"];
            return Page();
        }
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded) return LocalRedirect(target);
        if (result.IsLockedOut) { Error = text["Account.LockedOut"]; return Page(); }

        var email = info.Principal.FindFirstValue(ClaimTypes.Email);
        var user = email is null ? null : await signIn.UserManager.FindByEmailAsync(email);
        if (user is null || !user.IsActive)
        {
            log.LogWarning("External sign-in refused for {Email}: no active account", email);
            Error = text["Account.ExternalNoAccount"];
            return Page();
        }
        await signIn.UserManager.AddLoginAsync(user, info);
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return LocalRedirect(target);
    }
}
