using Clusterpact.Web.Infrastructure.Audit;
using Clusterpact.Web.Infrastructure.Localization;
using Clusterpact.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Clusterpact.Web.Tests.Account;

/// <summary>
/// What the sign-in form tells an outsider (nothing about which addresses exist), the lock-out that an outsider cannot
/// use against an account's owner, and the security events in the audit trail.
/// </summary>
[Collection(SignInCollection.Name)]
public sealed class SignInHardeningTests(SignInApp app)
{
    private const string WrongPassword = "Wrong-password-1";

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@clusterpact.demo";

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ParseAsync()).QuerySelector("#error-summary")!.TextContent.Trim();
    }

    [Fact]
    public async Task Unknown_wrong_deactivated_and_locked_accounts_get_the_same_answer()
    {
        var known = NewEmail("known");
        await UsersTestData.CreateUserAsync(app, known, Roles.Reader);
        var gone = NewEmail("gone");
        await UsersTestData.CreateUserAsync(app, gone, Roles.Reader);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == gone).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
        var locked = NewEmail("locked");
        await UsersTestData.CreateUserAsync(app, locked, Roles.Reader);
        var client = app.From("10.2.0.1");
        for (var i = 0; i < 5; i++) await SignInApp.PostSignInAsync(client, locked, WrongPassword);

        var answers = new[]
        {
            await RefusalAsync(await SignInApp.PostSignInAsync(client, NewEmail("nobody"), UsersTestData.Password)),
            await RefusalAsync(await SignInApp.PostSignInAsync(client, known, WrongPassword)),
            await RefusalAsync(await SignInApp.PostSignInAsync(client, gone, UsersTestData.Password)),
            await RefusalAsync(await SignInApp.PostSignInAsync(client, locked, UsersTestData.Password)),
        };
        Assert.Contains("Aanmelden is niet gelukt", answers[0], StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    [Fact]
    public async Task An_unknown_address_costs_the_same_password_work_as_a_known_one()
    {
        var known = NewEmail("known");
        await UsersTestData.CreateUserAsync(app, known, Roles.Reader);
        var client = app.From("10.2.0.2");
        var gone = NewEmail("gone");
        await UsersTestData.CreateUserAsync(app, gone, Roles.Reader);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == gone).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        foreach (var email in new[] { NewEmail("nobody"), known, gone })
        {
            var before = app.Hasher.Verifications;
            await SignInApp.PostSignInAsync(client, email, WrongPassword);
            Assert.Equal(before + 1, app.Hasher.Verifications);
        }
    }

    [Fact]
    public async Task Failures_from_one_address_do_not_lock_the_administrator_out_from_another()
    {
        var outsider = app.From("203.0.113.66");
        for (var i = 0; i < 8; i++) await SignInApp.PostSignInAsync(outsider, Emails.Admin, WrongPassword);
        // The outsider's address is paused for this account, even with the right password...
        Assert.Contains("Aanmelden is niet gelukt", await RefusalAsync(await SignInApp.PostSignInAsync(outsider, Emails.Admin, Web.Data.Seed.DemoLogins.Password)), StringComparison.Ordinal);
        // ...the administrator at their own address is not.
        var own = app.From("10.2.0.3");
        var response = await SignInApp.PostSignInAsync(own, Emails.Admin, Web.Data.Seed.DemoLogins.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Admin).Select(u => u.LockoutEnd != null).SingleAsync()));
    }

    [Fact]
    public async Task The_pause_ends_after_15_minutes()
    {
        var email = NewEmail("patient");
        await UsersTestData.CreateUserAsync(app, email, Roles.Reader);
        var client = app.From("10.2.0.4");
        for (var i = 0; i < 5; i++) await SignInApp.PostSignInAsync(client, email, WrongPassword);
        Assert.Equal(HttpStatusCode.OK, (await SignInApp.PostSignInAsync(client, email, UsersTestData.Password)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInApp.PostSignInAsync(client, email, UsersTestData.Password)).StatusCode);
    }

    [Fact]
    public async Task Sign_ins_failures_lock_outs_and_second_factor_use_are_security_events_in_the_audit_trail()
    {
        var email = NewEmail("officer");
        var id = await UsersTestData.CreateUserAsync(app, email, Roles.ProgrammeOfficer);
        var client = app.From("10.2.0.5");
        for (var i = 0; i < 5; i++) await SignInApp.PostSignInAsync(client, email, WrongPassword);
        var (_, key, codes) = await app.EnrolAsync(email, address: "10.2.0.6");
        await app.SignInWithCodeAsync(email, key, address: "10.2.0.6");
        var viaCode = app.From("10.2.0.7");
        var first = await SignInApp.PostSignInAsync(viaCode, email, UsersTestData.Password);
        await viaCode.SubmitFormAsync(first.Headers.Location!.OriginalString, new Dictionary<string, string> { ["RecoveryCode"] = codes[0] }, SignInApp.Handler("Recovery"));

        var events = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == SecurityEvents.EntityType && a.EntityId == id.ToString())
            .OrderBy(a => a.At).Select(a => new { a.Field, a.NewValue, a.Action }).ToListAsync());
        Assert.All(events, e => Assert.Equal(AuditAction.Security, e.Action));
        Assert.Equal(5, events.Count(e => e.Field == nameof(SecurityEvent.SignInFailed) && e.NewValue == "10.2.0.5"));
        Assert.Contains(events, e => e.Field == nameof(SecurityEvent.LockedOut) && e.NewValue == "10.2.0.5");
        Assert.Contains(events, e => e.Field == nameof(SecurityEvent.SignedIn) && e.NewValue == "10.2.0.6");
        Assert.Contains(events, e => e.Field == nameof(SecurityEvent.TwoFactorEnrolled));
        Assert.Contains(events, e => e.Field == nameof(SecurityEvent.SignedInWithAuthenticator));
        Assert.Contains(events, e => e.Field == nameof(SecurityEvent.SignedInWithRecoveryCode) && e.NewValue == "10.2.0.7");
        // Unknown addresses are recorded by what was typed.
        var nobody = NewEmail("nobody");
        await SignInApp.PostSignInAsync(client, nobody, WrongPassword);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == SecurityEvents.EntityType && a.UserName == nobody && a.Field == nameof(SecurityEvent.SignInFailed))));

        // The administrator reads them in words on the audit page.
        var adminEmail = NewEmail("admin");
        await UsersTestData.CreateUserAsync(app, adminEmail, Roles.Administrator);
        var (admin, _, _) = await app.EnrolAsync(adminEmail, address: "10.2.0.8");
        var page = await admin.GetDocumentAsync($"/Admin/Audit?entityType={SecurityEvents.EntityType}&entityId={id}&pageSize=50");
        var shown = page.QuerySelectorAll("[data-testid=security-event]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("Aangemeld met wachtwoord en herstelcode", shown);
        Assert.Contains("Aanmelden vanaf dit adres 15 minuten gepauzeerd", shown);
        Assert.Contains("Adres: 10.2.0.5", page.QuerySelector("[data-testid=audit-table]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("{0}", page.QuerySelector("[data-testid=audit-table]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl-BE")]
    [InlineData("en")]
    public void Every_security_event_and_audit_action_has_a_label(string culture)
    {
        var text = app.Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SharedResource));
        using var _ = new CultureScope(culture);
        var keys = Enum.GetNames<SecurityEvent>().Select(e => "SecurityEvent." + e).Concat(Enum.GetNames<AuditAction>().Select(a => "AuditAction." + a));
        var missing = keys.Where(k => text[k].ResourceNotFound || string.IsNullOrWhiteSpace(text[k].Value)).ToList();
        Assert.True(missing.Count == 0, $"Missing in {culture}: " + string.Join(", ", missing));
    }
}
