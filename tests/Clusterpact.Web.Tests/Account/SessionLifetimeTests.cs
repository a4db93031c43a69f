using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Tests.Account;

/// <summary>
/// A session ends after 30 minutes without a request and 8 hours after sign-in however busy (Sessions in
/// appsettings.json), on an installation of its own so the clock can move by hours.
/// </summary>
[Collection(FreshInstallations.Name)]
public sealed class SessionLifetimeTests
{
    private const string Email = "lezer@agentschap.example";

    private static async Task<FreshInstallation> StartWithReaderAsync()
    {
        var app = new FreshInstallation("Testing");
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = Email, Email = Email, DisplayName = "Lezer", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, UsersTestData.Password)).Succeeded);
            return await users.AddToRoleAsync(user, Roles.Reader);
        });
        return app;
    }

    private static async Task<HttpStatusCode> MeAsync(HttpClient client) => (await client.GetAsync("/api/v1/me")).StatusCode;

    [Fact]
    public async Task A_session_without_a_request_for_30_minutes_has_ended()
    {
        await using var app = await StartWithReaderAsync();
        var (client, _) = await app.SignedInWithJarAsync(Email, UsersTestData.Password);
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client));

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client));
    }

    [Fact]
    public async Task A_busy_session_ends_8_hours_after_sign_in()
    {
        await using var app = await StartWithReaderAsync();
        var (client, _) = await app.SignedInWithJarAsync(Email, UsersTestData.Password);
        // A request every 20 minutes keeps it alive (each one in the second half of the idle time renews it) ...
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(8) - TimeSpan.FromMinutes(20); elapsed += TimeSpan.FromMinutes(20))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, await MeAsync(client));
        }
        // ... until 8 hours after signing in.
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client));
        Assert.Equal(HttpStatusCode.OK, await MeAsync((await app.SignedInWithJarAsync(Email, UsersTestData.Password)).Client));
    }
}
