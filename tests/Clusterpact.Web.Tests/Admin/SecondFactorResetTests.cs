using Clusterpact.Web.Features.Account;
using Clusterpact.Web.Infrastructure.Audit;
using Clusterpact.Web.Tests.Account;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Tests.Admin;

/// <summary>
/// Someone lost their authenticator app and recovery codes: an administrator resets their second factor on the user page,
/// after confirming; the old codes stop working, their sessions end, they are told by e-mail and the audit trail keeps it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SecondFactorResetTests(ClusterpactApp app)
{
    [Fact]
    public async Task An_administrator_resets_a_lost_second_factor_after_confirming_and_the_person_is_told()
    {
        var email = $"kwijt-{Guid.NewGuid():N}@clusterpact.demo";
        var id = await UsersTestData.CreateUserAsync(app, email, Roles.Reader);
        var oldKey = await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        // The person's session, opened with password and code.
        var (session, _) = await TwoStepSignInAsync(email, oldKey);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);

        var admin = await app.SignedInAsync(Emails.Admin);
        var asked = await admin.SubmitFormAsync($"/Admin/Users/{id}", new Dictionary<string, string>(), SignInApp.Handler("ResetTwoFactor"));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirmPage = await asked.ParseAsync();
        Assert.NotNull(confirmPage.QuerySelector("[data-testid=confirm-two-factor-reset]"));
        Assert.Null(confirmPage.QuerySelector("#error-summary"));
        // Nothing has changed before the confirmation.
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var done = await AccountMails.PostAsync(admin, confirmPage, f => f.QuerySelector("input[name=confirmed]") is not null);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var (enabled, newKey) = await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            return (user.TwoFactorEnabled, await users.GetAuthenticatorKeyAsync(user));
        });
        Assert.False(enabled);
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/me")).StatusCode);

        var mail = Assert.Single(await AccountMails.ToAsync(app, email, AccountMail.TwoFactorResetCategory));
        Assert.Equal("Clusterpact: uw tweestapsaanmelding is teruggezet", mail.Subject);
        Assert.EndsWith("/Account/Login", AccountMails.LinkIn(app, mail), StringComparison.Ordinal);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.EntityType == SecurityEvents.EntityType && a.Field == nameof(SecurityEvent.TwoFactorResetByAdministrator));
        Assert.Contains(audit, a => a.EntityType == nameof(AppUser) && a.Field == nameof(AppUser.TwoFactorEnabled) && a.UserName == Emails.Admin);

        // The person signs in with the password alone now, and the page no longer offers a reset.
        await app.SignedInAsync(email, UsersTestData.Password);
        Assert.Null((await admin.GetDocumentAsync($"/Admin/Users/{id}")).QuerySelector("form[action*='handler=ResetTwoFactor']"));
    }

    private async Task<(HttpClient Client, CookieJar Jar)> TwoStepSignInAsync(string email, string key)
    {
        var jar = new CookieJar();
        var client = app.JarClient(jar);
        var first = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = UsersTestData.Password });
        Assert.StartsWith("/Account/LoginTwoFactor", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var second = await client.SubmitFormAsync(first.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.Code(key, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        return (client, jar);
    }
}
