using Microsoft.AspNetCore.RateLimiting;

namespace Clusterpact.Web.Features.Account;

/// <summary>
/// The link in the registration mail: the page asks for one press of a button (a mail scanner that opens the link does
/// not spend it), then the account can be used. The link works once and for a limited time (AccountLinks).
/// </summary>
[EnableRateLimiting(SignInSecurity.CredentialPolicy)]
public sealed class ConfirmEmailModel(AccountRecovery recovery) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public bool LinkWorks { get; private set; }
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkWorks = await recovery.ConfirmableAsync(UserId, Code) is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Confirmed = await recovery.ConfirmAsync(UserId, Code, ct);
        LinkWorks = Confirmed;
        return Page();
    }
}
