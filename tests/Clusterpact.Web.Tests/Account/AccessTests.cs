namespace Clusterpact.Web.Tests.Account;

/// <summary>Every role is refused what is not its own; anonymous callers reach only public pages and /health.</summary>
[Collection(AppCollection.Name)]
public sealed class AccessTests(ClusterpactApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/health")]
    [InlineData("/Account/Login")]
    [InlineData("/Accessibility")]
    [InlineData("/openapi/public.json")]
    public async Task Anonymous_reaches_public_pages(string path)
    {
        var response = await app.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Clusters")]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Users/New")]
    [InlineData("/Admin/Audit")]
    [InlineData("/openapi/v1.json")]
    public async Task Anonymous_is_sent_to_sign_in_for_private_pages(string path)
    {
        var response = await app.Anonymous().GetAsync(path);
        AccessAssert.SentToSignIn(response);
    }

    [Fact]
    public async Task Anonymous_cannot_open_a_cluster_page()
    {
        var id = await app.ClusterIdAsync("Catalisti");
        var response = await app.Anonymous().GetAsync($"/Clusters/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/clusters")]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/me")]
    public async Task Anonymous_gets_401_problem_from_the_api(string path)
    {
        var response = await app.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Emails.Admin, "/Admin/Users", HttpStatusCode.OK)]
    [InlineData(Emails.Admin, "/Admin/Audit", HttpStatusCode.OK)]
    [InlineData(Emails.Admin, "/Clusters", HttpStatusCode.OK)]
    [InlineData(Emails.Officer, "/Clusters", HttpStatusCode.OK)]
    [InlineData(Emails.Officer, "/Admin/Users", HttpStatusCode.Redirect)]
    [InlineData(Emails.Officer, "/Admin/Audit", HttpStatusCode.Redirect)]
    [InlineData(Emails.Reader, "/Clusters", HttpStatusCode.OK)]
    [InlineData(Emails.Reader, "/Admin/Users", HttpStatusCode.Redirect)]
    [InlineData(Emails.CatalistiManager, "/Clusters", HttpStatusCode.OK)]
    [InlineData(Emails.CatalistiManager, "/Admin/Audit", HttpStatusCode.Redirect)]
    [InlineData(Emails.Expert, "/Clusters", HttpStatusCode.Redirect)]
    [InlineData(Emails.Expert, "/Admin/Users", HttpStatusCode.Redirect)]
    [InlineData(Emails.Expert, "/", HttpStatusCode.OK)]
    public async Task Pages_follow_the_role_rules(string email, string path, HttpStatusCode expected)
    {
        await app.PageFollowsRuleAsync(email, path, expected);
    }

    [Theory]
    [InlineData(Emails.Officer, "/api/v1/users", HttpStatusCode.Forbidden)]
    [InlineData(Emails.Reader, "/api/v1/audit", HttpStatusCode.Forbidden)]
    [InlineData(Emails.CatalistiManager, "/api/v1/users", HttpStatusCode.Forbidden)]
    [InlineData(Emails.Expert, "/api/v1/clusters", HttpStatusCode.Forbidden)]
    [InlineData(Emails.Admin, "/api/v1/users", HttpStatusCode.OK)]
    [InlineData(Emails.Admin, "/api/v1/audit", HttpStatusCode.OK)]
    [InlineData(Emails.Reader, "/api/v1/clusters", HttpStatusCode.OK)]
    [InlineData(Emails.Expert, "/api/v1/me", HttpStatusCode.OK)]
    public async Task Api_follows_the_role_rules(string email, string path, HttpStatusCode expected)
    {
        var client = await app.SignedInAsync(email);
        var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_keeps_the_email()
    {
        var client = app.Anonymous();
        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = Emails.Reader, ["Input.Password"] = "wrong" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.Contains("Aanmelden is niet gelukt. Controleer uw e-mailadres en wachtwoord.", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Emails.Reader, doc.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);
    }

    [Fact]
    public async Task Sign_in_does_not_redirect_to_another_site()
    {
        var client = app.Anonymous();
        var response = await client.SubmitFormAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["Input.Email"] = Emails.Reader, ["Input.Password"] = Web.Data.Seed.DemoLogins.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
