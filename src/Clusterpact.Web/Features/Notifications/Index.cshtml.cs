using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Features.Notifications;

/// <summary>
/// The signed-in person chooses which e-mails they receive (each kind their roles can receive, on or off) and the
/// language their e-mails are written in. Sign-in and security mails are not listed: they cannot be turned off.
/// </summary>
public sealed class IndexModel(GetEmailChoices getChoices, SaveEmailChoices saveChoices, UserManager<AppUser> users) : PageModel
{
    /// <summary>The kinds this person can turn off, each with whether they receive it now.</summary>
    public IReadOnlyList<(EmailKind Kind, bool Receive)> Choices { get; private set; } = [];

    /// <summary>The categories ticked in the form: the kinds to receive.</summary>
    [BindProperty] public List<string> Receive { get; set; } = [];

    [BindProperty] public string? Language { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Language = Cultures.Resolve(user.PreferredCulture).Name;
        Choices = await getChoices.HandleAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await saveChoices.HandleAsync(new SaveEmailChoicesCommand(Receive ?? []), ct);

        var culture = Cultures.Resolve(Language);
        if (!string.Equals(user.PreferredCulture, culture.Name, StringComparison.Ordinal))
        {
            user.PreferredCulture = culture.Name;
            await users.UpdateAsync(user);
            Account.LoginModel.UseLanguageOf(Response, user);
        }
        TempData["Flash"] = "Notifications.Saved";
        return RedirectToPage();
    }
}
