namespace Clusterpact.Web.Tests.Authorization;

/// <summary>
/// Every role is refused what is not its own; anonymous callers reach only public pages and /health. One table for
/// the whole product (list pages and API reads); records by id are in <see cref="RecordRouteMatrixTests"/>.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RoleRouteTests(ClusterpactApp app)
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
    [InlineData("/Evaluations")]
    [InlineData("/Evaluations/New")]
    [InlineData("/Funds")]
    [InlineData("/Kpis")]
    [InlineData("/Kpis?kpi=extra-fte")]
    [InlineData("/Projects")]
    [InlineData("/Projects/Figures")]
    [InlineData("/Projects/Import")]
    [InlineData("/Projects/New")]
    [InlineData("/Reports")]
    [InlineData("/Surveys")]
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
    [InlineData("/api/v1/funds")]
    [InlineData("/api/v1/projects")]
    [InlineData("/api/v1/projects/figures?year=2024")]
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
    [InlineData(Emails.Expert, "/Projects", HttpStatusCode.Redirect)]
    [InlineData(Emails.Expert, "/Funds", HttpStatusCode.Redirect)]
    [InlineData(Emails.Expert, "/Projects/Figures", HttpStatusCode.Redirect)]
    [InlineData(Emails.Reader, "/Projects", HttpStatusCode.OK)]
    [InlineData(Emails.Reader, "/Funds", HttpStatusCode.OK)]
    [InlineData(Emails.Reader, "/Projects/Figures", HttpStatusCode.OK)]
    [InlineData(Emails.Reader, "/Projects/New", HttpStatusCode.Redirect)]
    [InlineData(Emails.Reader, "/Projects/Import", HttpStatusCode.Redirect)]
    [InlineData(Emails.CatalistiManager, "/Projects/New", HttpStatusCode.OK)]
    [InlineData(Emails.CatalistiManager, "/Projects/Import", HttpStatusCode.OK)]
    [InlineData(Emails.Officer, "/Projects/Figures", HttpStatusCode.OK)]
    [InlineData(Emails.Expert, "/Reports", HttpStatusCode.Redirect)]
    [InlineData(Emails.Expert, "/Kpis", HttpStatusCode.Redirect)]
    [InlineData(Emails.Reader, "/Reports", HttpStatusCode.OK)]
    [InlineData(Emails.Reader, "/Kpis", HttpStatusCode.OK)]
    [InlineData(Emails.CatalistiManager, "/Kpis?kpi=extra-fte", HttpStatusCode.OK)]
    [InlineData(Emails.Expert, "/Surveys", HttpStatusCode.Redirect)]
    [InlineData(Emails.Expert, "/Evaluations", HttpStatusCode.Redirect)]
    [InlineData(Emails.Reader, "/Surveys", HttpStatusCode.OK)]
    [InlineData(Emails.Reader, "/Evaluations", HttpStatusCode.OK)]
    [InlineData(Emails.Reader, "/Evaluations/New", HttpStatusCode.Redirect)]
    [InlineData(Emails.CatalistiManager, "/Evaluations/New", HttpStatusCode.Redirect)]
    [InlineData(Emails.CatalistiManager, "/Surveys", HttpStatusCode.OK)]
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
    [InlineData(Emails.Expert, "/api/v1/projects", HttpStatusCode.Forbidden)]
    [InlineData(Emails.Expert, "/api/v1/funds", HttpStatusCode.Forbidden)]
    [InlineData(Emails.Reader, "/api/v1/projects", HttpStatusCode.OK)]
    [InlineData(Emails.Reader, "/api/v1/projects/figures?year=2024", HttpStatusCode.OK)]
    [InlineData(Emails.CatalistiManager, "/api/v1/funds", HttpStatusCode.OK)]
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
