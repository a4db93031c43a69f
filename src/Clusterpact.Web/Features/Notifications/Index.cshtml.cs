using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Features.Notifications;

/// <summary>
/// The signed-in person chooses which e-mails they receive (each kind their roles can receive, on or off) and the
/// language their e-mails are written in. Sign-in and security mails are not listed: they cannot be turned off.
/// </summary>
public sealed class IndexModel(ClusterpactDbContext db, UserManager<AppUser> users) : PageModel
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
        await LoadAsync(user.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var offered = EmailKinds.ChoicesFor(User.IsInRole).Select(k => k.Category).ToHashSet(StringComparer.Ordinal);
        var off = offered.Except(Receive ?? [], StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var stored = await db.EmailOptOuts.Where(o => o.UserId == user.Id).ToListAsync(ct);
        // Only what this page offers is changed: a kind the person's roles no longer receive keeps its choice.
        db.EmailOptOuts.RemoveRange(stored.Where(o => offered.Contains(o.Category) && !off.Contains(o.Category)));
        db.EmailOptOuts.AddRange(off.Where(c => stored.All(o => o.Category != c)).Select(c => new EmailOptOut { UserId = user.Id, Category = c }));
        await db.SaveChangesAsync(ct);

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

    private async Task LoadAsync(Guid userId, CancellationToken ct)
    {
        var off = await db.EmailOptOuts.AsNoTracking().Where(o => o.UserId == userId).Select(o => o.Category).ToListAsync(ct);
        Choices = EmailKinds.ChoicesFor(User.IsInRole).Select(k => (k, !off.Contains(k.Category))).ToList();
    }
}
