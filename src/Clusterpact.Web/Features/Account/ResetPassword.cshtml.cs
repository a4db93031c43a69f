using Microsoft.AspNetCore.RateLimiting;

namespace Clusterpact.Web.Features.Account;

/// <summary>
/// The link in the reset mail: a new password, twice. The link works once and for a limited time (AccountLinks); setting
/// the password ends every session of the person (decision 0010).
/// </summary>
[EnableRateLimiting(SignInSecurity.CredentialPolicy)]
public sealed class ResetPasswordModel(AccountRecovery recovery) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength"), DataType(DataType.Password), Display(Name = "Account.NewPassword")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "Account.PasswordsDiffer"), Display(Name = "Account.PasswordRepeat")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public bool LinkWorks { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkWorks = await recovery.ResettableAsync(UserId, Code) is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        LinkWorks = await recovery.ResettableAsync(UserId, Code) is not null;
        if (!LinkWorks || !ModelState.IsValid) return Page();
        var problems = await recovery.ResetAsync(UserId, Code, Input.Password, ct);
        if (problems is null)
        {
            LinkWorks = false;
            return Page();
        }
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Password)}", p.Description);
            return Page();
        }
        TempData["Flash"] = "Account.PasswordResetDone";
        return Redirect("/Account/Login");
    }
}
