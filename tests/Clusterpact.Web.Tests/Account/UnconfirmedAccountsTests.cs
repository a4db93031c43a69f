using Clusterpact.Web.Features.Account;
using Clusterpact.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Tests.Account;

/// <summary>
/// The hourly job removes a registration whose address was never confirmed once the link has expired (24 hours after
/// it was sent), not before, and never a confirmed one; each removal is in the audit trail. A fresh installation, whose
/// clock may move by a day.
/// </summary>
[Collection(FreshInstallations.Name)]
public sealed class UnconfirmedAccountsTests
{
    private static async Task RegisterAsync(FreshInstallation app, string email)
    {
        var registered = await app.CreateClient(new() { AllowAutoRedirect = false }).SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Aanvrager", ["Input.Email"] = email, ["Input.Password"] = UsersTestData.Password, ["Input.ConfirmPassword"] = UsersTestData.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
    }

    private static Task<int> RunAsync(FreshInstallation app) => app.WithScopeAsync(sp => sp.GetRequiredService<UnconfirmedAccounts>().RunAsync(CancellationToken.None));

    private static Task<Guid?> IdOfAsync(FreshInstallation app, string email) =>
        AccountMails.WithDbAsync(app, db => db.Users.Where(u => u.Email == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync());

    [Fact]
    public async Task An_unconfirmed_registration_is_removed_when_its_link_has_expired_and_the_removal_is_audited()
    {
        await using var app = new FreshInstallation("Testing");
        const string forgotten = "nooit-bevestigd@aanvrager.example", confirmed = "wel-bevestigd@aanvrager.example";
        await RegisterAsync(app, forgotten);
        await RegisterAsync(app, confirmed);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(confirmed))!;
            return await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user));
        });
        var id = (await IdOfAsync(app, forgotten))!.Value;

        // The job is declared on the installation's scheduler.
        Assert.True(await app.Services.GetRequiredService<Clusterpact.Web.Infrastructure.Jobs.ClusterpactScheduler>().Scheduler.Exists(UnconfirmedAccounts.Key, CancellationToken.None));

        // While the link still works, the account stays.
        app.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await RunAsync(app));
        Assert.NotNull(await IdOfAsync(app, forgotten));

        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunAsync(app));
        Assert.Null(await IdOfAsync(app, forgotten));
        Assert.NotNull(await IdOfAsync(app, confirmed));
        Assert.Equal(0, await RunAsync(app));

        var trail = await AccountMails.WithDbAsync(app, db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString()).ToListAsync());
        Assert.Contains(trail, a => a.EntityType == nameof(AppUser) && a.Action == AuditAction.Deleted);
        Assert.Contains(trail, a => a.EntityType == SecurityEvents.EntityType && a.Field == nameof(SecurityEvent.UnconfirmedAccountRemoved));
    }
}
