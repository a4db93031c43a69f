using Clusterpact.Web.Infrastructure.Setup;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Features.Account;

/// <summary>
/// The first administrator of an installation without accounts, through the one-time link printed at start
/// (/Account/Setup/{token}). The link works once; afterwards, or with any other token, the page says so.
/// </summary>
public sealed class SetupModel(FirstRunSetup setup, UserManager<AppUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(254, ErrorMessage = "Validation.MaxLength"), Display(Name = "Account.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Users.Name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), StringLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Account.Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "Setup.PasswordsDiffer"), Display(Name = "Setup.RepeatPassword")]
        public string RepeatPassword { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>The link is not (or no longer) valid: the page shows why instead of the form.</summary>
    public bool LinkInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        LinkInvalid = !await setup.AcceptsAsync(token, ct) || await users.Users.AnyAsync(ct);
        return Invalid();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken ct)
    {
        if (!await setup.AcceptsAsync(token, ct) || await users.Users.AnyAsync(ct))
        {
            LinkInvalid = true;
            return Invalid();
        }
        if (!ModelState.IsValid) return Page();
        var (outcome, errors) = await setup.CreateAdministratorAsync(token, Input.Email, Input.DisplayName, Input.Password, users, ct);
        switch (outcome)
        {
            case FirstRunSetup.Outcome.Created:
                TempData["Flash"] = "Flash.AdministratorCreated";
                return Redirect("/Account/Login");
            case FirstRunSetup.Outcome.LinkInvalid:
                LinkInvalid = true;
                return Invalid();
            default:
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", text["Users.IdentityError"]);
                foreach (var e in errors) ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", e);
                return Page();
        }
    }

    /// <summary>A used, expired or unknown link answers 404, so the page does not tell whether setup is still open.</summary>
    private PageResult Invalid()
    {
        if (LinkInvalid) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
