using Microsoft.AspNetCore.RateLimiting;

namespace Clusterpact.Web.Features.Account;

/// <summary>
/// An applicant creates their own account (role Applicant only), usable once the link mailed to the address is followed.
/// The answer is "check your mailbox" whether or not the address already has an account (docs/decisions/0012).
/// </summary>
[EnableRateLimiting(SignInSecurity.CredentialPolicy)]
public sealed class RegisterModel(AccountRecovery recovery) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Users.Name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(254, ErrorMessage = "Validation.MaxLength"), Display(Name = "Account.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength"), DataType(DataType.Password), Display(Name = "Account.Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "Account.PasswordsDiffer"), Display(Name = "Account.PasswordRepeat")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>After a registration: the one answer, whatever the address.</summary>
    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true && !Sent ? Redirect("/") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Sent = false;
        if (!ModelState.IsValid) return Page();
        var problems = await recovery.RegisterAsync(new Registration(Input.DisplayName, Input.Email, Input.Password), Cultures.IsEnglish ? "en" : "nl", ct);
        if (problems.Count > 0)
        {
            foreach (var p in problems)
                ModelState.AddModelError(p.Code.StartsWith("Password", StringComparison.Ordinal) ? $"{nameof(Input)}.{nameof(InputModel.Password)}" : $"{nameof(Input)}.{nameof(InputModel.Email)}", p.Description);
            return Page();
        }
        return RedirectToPage(new { Sent = true });
    }
}
