using Clusterpact.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clusterpact.Web.Tests.Account;

/// <summary>
/// Reset and confirmation links expire (AccountLinks in appsettings.json: 2 hours and 24 hours), on the app's clock, on an
/// installation of its own so the clock can move by hours.
/// </summary>
[Collection(FreshInstallations.Name)]
public sealed class AccountLinkExpiryTests
{
    private const string Email = "vergeetachtig@aanvrager.example";

    private static async Task<FreshInstallation> StartWithUserAsync()
    {
        var app = new FreshInstallation("Testing");
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = Email, Email = Email, DisplayName = "Vergeetachtig", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, UsersTestData.Password)).Succeeded);
            return await users.AddToRoleAsync(user, Roles.Applicant);
        });
        return app;
    }

    private static HttpClient Client(FreshInstallation app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<string> AskForLinkAsync(FreshInstallation app)
    {
        var asked = await Client(app).SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = Email });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        return AccountMails.LinkIn(app, (await AccountMails.ToAsync(app, Email, AccountMail.ResetCategory)).Last());
    }

    [Fact]
    public async Task A_reset_link_works_until_2_hours_after_it_was_sent_and_not_after()
    {
        await using var app = await StartWithUserAsync();
        var late = await AskForLinkAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var client = Client(app);
        Assert.NotNull((await client.GetDocumentAsync(late)).QuerySelector("[data-testid=link-invalid]"));

        var onTime = await AskForLinkAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(119));
        const string password = "Op-tijd-gekozen-2026!";
        var reset = await client.SubmitFormAsync(onTime, new Dictionary<string, string> { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await app.SignedInWithJarAsync(Email, password);
    }

    [Fact]
    public async Task A_confirmation_link_expires_24_hours_after_the_registration()
    {
        await using var app = new FreshInstallation("Testing");
        const string email = "laat@aanvrager.example";
        var registered = await Client(app).SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Laat", ["Input.Email"] = email, ["Input.Password"] = UsersTestData.Password, ["Input.ConfirmPassword"] = UsersTestData.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var link = AccountMails.LinkIn(app, Assert.Single(await AccountMails.ToAsync(app, email, AccountMail.ConfirmCategory)));
        app.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Null((await Client(app).GetDocumentAsync(link)).QuerySelector("[data-testid=link-invalid]"));
        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.NotNull((await Client(app).GetDocumentAsync(link)).QuerySelector("[data-testid=link-invalid]"));
    }
}
