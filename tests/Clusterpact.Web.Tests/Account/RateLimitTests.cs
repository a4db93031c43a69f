namespace Clusterpact.Web.Tests.Account;

/// <summary>The sign-in limits as shipped: 5 attempts a minute per account and client address, 20 per address.</summary>
[Collection(RateLimitCollection.Name)]
public sealed class RateLimitTests(RateLimitApp app)
{
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string email) =>
        SignInApp.PostSignInAsync(client, email, "Wrong-password-1");

    [Fact]
    public async Task The_sixth_rapid_sign_in_attempt_gets_429_with_Retry_After_and_other_addresses_are_not_slowed()
    {
        var email = $"target-{Guid.NewGuid():N}@clusterpact.demo";
        var attacker = app.From("198.51.100.7");
        for (var i = 1; i <= 5; i++) Assert.Equal(HttpStatusCode.OK, (await PostAsync(attacker, email)).StatusCode);

        var sixth = await PostAsync(attacker, email);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        var retryAfter = int.Parse(sixth.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("Te veel pogingen", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same account from another address, and the owner of a demo account, go on as usual.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app.From("10.3.0.1"), email)).StatusCode);
        var reader = await SignInApp.PostSignInAsync(app.From("10.3.0.1"), Emails.Reader, Web.Data.Seed.DemoLogins.Password);
        Assert.Equal(HttpStatusCode.Redirect, reader.StatusCode);
    }

    [Fact]
    public async Task One_address_is_limited_across_accounts()
    {
        var sprayer = app.From("198.51.100.8");
        for (var i = 1; i <= 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(sprayer, $"spray{i}-{Guid.NewGuid():N}@clusterpact.demo")).StatusCode);
        var next = await PostAsync(sprayer, $"spray21-{Guid.NewGuid():N}@clusterpact.demo");
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        Assert.True(next.Headers.Contains("Retry-After"));
        // Reading the sign-in page is not limited.
        Assert.Equal(HttpStatusCode.OK, (await sprayer.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task An_ipv6_client_is_limited_by_its_64_prefix()
    {
        var email = $"v6-{Guid.NewGuid():N}@clusterpact.demo";
        for (var i = 1; i <= 5; i++) Assert.Equal(HttpStatusCode.OK, (await PostAsync(app.From($"2001:db8:1:2::{i:x}"), email)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(app.From("2001:db8:1:2::ff"), email)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app.From("2001:db8:1:3::1"), email)).StatusCode);
    }
}
