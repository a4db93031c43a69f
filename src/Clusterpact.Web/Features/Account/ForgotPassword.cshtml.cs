using Microsoft.AspNetCore.RateLimiting;

namespace Clusterpact.Web.Features.Account;

/// <summary>
/// Asks for a password-reset link. The answer is the same whether or not the address has an account; only an active
/// account gets a mail (docs/decisions/0012).
/// </summary>
[EnableRateLimiting(SignInSecurity.CredentialPolicy)]
public sealed class ForgotPasswordModel(AccountRecovery recovery) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(254, ErrorMessage = "Validation.MaxLength"), Display(Name = "Account.Email")]
        public string Email { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Sent = false;
        if (!ModelState.IsValid) return Page();
        await recovery.RequestResetAsync(Input.Email, ct);
        return RedirectToPage(new { Sent = true });
    }
}
