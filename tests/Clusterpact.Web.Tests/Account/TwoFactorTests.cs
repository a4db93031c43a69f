using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Clusterpact.Web.Tests.Account;

/// <summary>
/// Two-step sign-in with an authenticator app, required for agency staff (Security:RequireTwoFactorForStaff on, as
/// shipped) and optional for everyone else; recovery codes work once.
/// </summary>
[Collection(SignInCollection.Name)]
public sealed class TwoFactorTests(SignInApp app)
{
    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@clusterpact.demo";

    private static string? Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    /// <summary>Every page without route values, a record page with an id and the API, as the officer would try them.</summary>
    private async Task<IReadOnlyList<string>> EveryPlaceAsync()
    {
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.RoutePattern.Parameters.Count == 0)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("/Account", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("/TwoFactor", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("/Error", StringComparison.OrdinalIgnoreCase))
            .Distinct().ToList();
        Assert.Contains("/Clusters", pages);
        Assert.Contains("/Admin/Users", pages);
        var cluster = await app.ClusterIdAsync("Catalisti");
        return [.. pages, $"/Clusters/{cluster}", "/api/v1/clusters", "/api/v1/me", "/health"];
    }

    [Fact]
    public async Task An_officer_reaches_no_page_before_completing_the_second_factor()
    {
        var email = NewEmail("officer");
        await UsersTestData.CreateUserAsync(app, email, Roles.ProgrammeOfficer);
        var client = app.From("10.1.0.1");
        var signIn = await SignInApp.PostSignInAsync(client, email, UsersTestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var reached = new List<string>();
        foreach (var path in await EveryPlaceAsync())
        {
            var response = await client.GetAsync(path);
            var stopped = path.StartsWith("/api", StringComparison.Ordinal)
                ? response.StatusCode == HttpStatusCode.Forbidden
                : response.StatusCode == HttpStatusCode.Redirect && Location(response)!.StartsWith("/TwoFactor?returnUrl=", StringComparison.Ordinal);
            if (!stopped) reached.Add($"{path}: {(int)response.StatusCode} {Location(response)}");
        }
        Assert.True(reached.Count == 0, "Reached without a second factor:\n" + string.Join("\n", reached));

        // Posting a form is stopped as well, and the enrolment page itself is open.
        var posted = await client.PostFormRawAsync("/Admin/Users/New", [new("Input.Email", "x@example.org")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/TwoFactor", Location(posted), StringComparison.Ordinal);
        var enrol = await client.GetDocumentAsync("/TwoFactor");
        Assert.NotNull(enrol.QuerySelector("[data-testid=two-factor-required]"));
        Assert.NotNull(enrol.QuerySelector("[data-testid=qr-code] svg"));
        Assert.StartsWith("otpauth://totp/Clusterpact:", enrol.QuerySelector("[data-testid=authenticator-uri]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_authenticator_code_lets_the_officer_in_and_a_wrong_one_does_not()
    {
        var email = NewEmail("officer");
        await UsersTestData.CreateUserAsync(app, email, Roles.ProgrammeOfficer);
        var client = app.From("10.1.0.2");
        await SignInApp.PostSignInAsync(client, email, UsersTestData.Password);
        var key = SignInApp.SharedKeyOn(await client.GetDocumentAsync("/TwoFactor?returnUrl=%2FClusters"));

        var wrongCode = ((int.Parse(app.NextCode(key), CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var wrong = await client.SubmitFormAsync("/TwoFactor?returnUrl=%2FClusters", new Dictionary<string, string> { ["Code"] = wrongCode }, SignInApp.Handler("Enable"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Deze code wordt niet aanvaard", (await wrong.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Clusters")).StatusCode);

        var right = await client.SubmitFormAsync("/TwoFactor?returnUrl=%2FClusters", new Dictionary<string, string> { ["Code"] = app.NextCode(key) }, SignInApp.Handler("Enable"));
        var page = await right.ParseAsync();
        Assert.Equal(10, page.QuerySelectorAll("[data-testid=recovery-codes] li").Length);
        Assert.Equal("/Clusters", page.QuerySelector("[data-testid=recovery-codes] ~ a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Clusters")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/clusters")).StatusCode);
    }

    [Fact]
    public async Task An_enrolled_officer_signs_in_with_password_and_code_and_a_code_works_once()
    {
        var email = NewEmail("officer");
        await UsersTestData.CreateUserAsync(app, email, Roles.ProgrammeOfficer);
        var (_, key, _) = await app.EnrolAsync(email);

        var client = app.From("10.1.0.3");
        var first = await SignInApp.PostSignInAsync(client, email, UsersTestData.Password);
        Assert.StartsWith("/Account/LoginTwoFactor", Location(first), StringComparison.Ordinal);
        // The password alone signs nobody in.
        AccessAssert.SentToSignIn(await client.GetAsync("/Clusters"));

        var code = app.NextCode(key);
        var second = await client.SubmitFormAsync(Location(first)!, new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Clusters")).StatusCode);

        // The same code, seen over a shoulder, does not open a second session.
        var other = app.From("10.1.0.4");
        var again = await SignInApp.PostSignInAsync(other, email, UsersTestData.Password);
        var replay = await other.SubmitFormAsync(Location(again)!, new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("Deze code wordt niet aanvaard", (await replay.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        AccessAssert.SentToSignIn(await other.GetAsync("/Clusters"));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var email = NewEmail("admin");
        await UsersTestData.CreateUserAsync(app, email, Roles.Administrator);
        var (_, _, codes) = await app.EnrolAsync(email);

        async Task<HttpResponseMessage> WithRecoveryCodeAsync(HttpClient client, string code)
        {
            var first = await SignInApp.PostSignInAsync(client, email, UsersTestData.Password);
            return await client.SubmitFormAsync(Location(first)!, new Dictionary<string, string> { ["RecoveryCode"] = code }, SignInApp.Handler("Recovery"));
        }

        var client = app.From("10.1.0.5");
        var used = await WithRecoveryCodeAsync(client, " " + codes[0].ToLowerInvariant() + " ");
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);
        Assert.Contains("Ongebruikte herstelcodes: 9.", (await client.GetDocumentAsync("/TwoFactor")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var second = app.From("10.1.0.6");
        var reused = await WithRecoveryCodeAsync(second, codes[0]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        AccessAssert.SentToSignIn(await second.GetAsync("/Admin/Users"));
        Assert.Equal(HttpStatusCode.Redirect, (await WithRecoveryCodeAsync(second, codes[1])).StatusCode);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var email = NewEmail("officer");
        await UsersTestData.CreateUserAsync(app, email, Roles.ProgrammeOfficer);
        var (client, _, old) = await app.EnrolAsync(email);
        var renewed = await client.SubmitFormAsync("/TwoFactor", new Dictionary<string, string>(), SignInApp.Handler("Renew"));
        var fresh = (await renewed.ParseAsync()).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));

        var other = app.From("10.1.0.7");
        var first = await SignInApp.PostSignInAsync(other, email, UsersTestData.Password);
        var withOld = await other.SubmitFormAsync(Location(first)!, new Dictionary<string, string> { ["RecoveryCode"] = old[3] }, SignInApp.Handler("Recovery"));
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        var withNew = await other.SubmitFormAsync(Location(first)!, new Dictionary<string, string> { ["RecoveryCode"] = fresh[3] }, SignInApp.Handler("Recovery"));
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_turn_it_off_while_it_is_required()
    {
        var email = NewEmail("officer");
        await UsersTestData.CreateUserAsync(app, email, Roles.ProgrammeOfficer);
        var (client, _, _) = await app.EnrolAsync(email);
        var page = await client.GetDocumentAsync("/TwoFactor");
        Assert.NotNull(page.QuerySelector("[data-testid=two-factor-on]"));
        Assert.DoesNotContain(page.Forms, f => SignInApp.Handler("Disable")(f));
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        await client.PostFormRawAsync("/TwoFactor?handler=Disable", [new("__RequestVerificationToken", token)]);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task It_is_optional_for_a_reader_who_may_turn_it_on_and_off()
    {
        var email = NewEmail("reader");
        await UsersTestData.CreateUserAsync(app, email, Roles.Reader);
        var client = app.From("10.1.0.8");
        await SignInApp.PostSignInAsync(client, email, UsersTestData.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Clusters")).StatusCode);

        var (enrolled, key, _) = await app.EnrolAsync(email, address: "10.1.0.9");
        Assert.Null((await enrolled.GetDocumentAsync("/TwoFactor")).QuerySelector("[data-testid=two-factor-required]"));
        var fresh = await app.SignInWithCodeAsync(email, key, address: "10.1.0.10");
        var off = await fresh.SubmitFormAsync("/TwoFactor", new Dictionary<string, string>(), SignInApp.Handler("Disable"));
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);

        var later = app.From("10.1.0.11");
        Assert.Equal("/", Location(await SignInApp.PostSignInAsync(later, email, UsersTestData.Password)));
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/Clusters")).StatusCode);
    }

    [Fact]
    public async Task The_second_factor_outlives_the_security_stamp_check()
    {
        var email = NewEmail("officer");
        await UsersTestData.CreateUserAsync(app, email, Roles.ProgrammeOfficer);
        var (_, key, _) = await app.EnrolAsync(email);
        var client = await app.SignInWithCodeAsync(email, key, address: "10.1.0.12");
        // The session is checked on every request and its cookie renewed as it slides; stay within the 30 idle minutes
        // (decision 0010) while going past the half hour after which a rebuilt cookie used to lose the second factor.
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Clusters")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Agreements")).StatusCode);
    }
}
