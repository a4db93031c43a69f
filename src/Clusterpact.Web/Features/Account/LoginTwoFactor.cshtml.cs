using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Clusterpact.Web.Features.Account;

/// <summary>The second sign-in step: a code from the authenticator app, or a recovery code.</summary>
[EnableRateLimiting(SignInSecurity.CredentialPolicy)]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, SecondFactorSignIn secondFactor, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    [BindProperty, Display(Name = "TwoFactor.Code")] public string? Code { get; set; }

    [BindProperty, Display(Name = "TwoFactor.RecoveryCode")] public string? RecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(Code, nameof(Code), isRecoveryCode: false, ct);

    public Task<IActionResult> OnPostRecoveryAsync(CancellationToken ct) => SubmitAsync(RecoveryCode, nameof(RecoveryCode), isRecoveryCode: true, ct);

    private async Task<IActionResult> SubmitAsync(string? code, string field, bool isRecoveryCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            ModelState.AddModelError(field, text["Validation.Required", text["TwoFactor." + field]]);
            return Page();
        }
        var attempt = await secondFactor.HandleAsync(code, isRecoveryCode, ct);
        switch (attempt.Outcome)
        {
            case SignInOutcome.Expired:
                return RedirectToPage("/Account/Login");
            case SignInOutcome.SignedIn:
                LoginModel.UseLanguageOf(Response, attempt.User!);
                return LocalRedirect(LoginModel.LocalTarget(Url, ReturnUrl));
            default:
                ModelState.AddModelError(field, text["TwoFactor.CodeRefused"]);
                return Page();
        }
    }
}
