namespace Clusterpact.Web.Tests.Account;

/// <summary>
/// Sessions end on the server (decision 0010): a copy of the sign-in cookie taken before signing out, before the
/// person is deactivated, gets another role or other clusters, or has their password reset, is refused on its very
/// next request.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SessionTests(ClusterpactApp app)
{
    private async Task<(Guid Id, string Email)> NewManagerAsync(string cluster)
    {
        var email = $"session-{Guid.NewGuid():N}@clusterpact.demo";
        return (await UsersTestData.CreateUserAsync(app, email, Roles.ClusterManager, await app.ClusterIdAsync(cluster)), email);
    }

    /// <summary>A client that presents the cookies captured earlier, as someone who copied them would.</summary>
    private HttpClient Replay(IReadOnlyDictionary<string, string> captured) => app.JarClient(new CookieJar(captured));

    private static async Task AssertAcceptedAsync(HttpClient client)
    {
        var me = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpClient client)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        AccessAssert.SentToSignIn(await client.GetAsync("/Clusters"));
    }

    private async Task<HttpResponseMessage> AdminSavesAsync(Guid id, string email, string role, bool active, string? cluster, string? password = null)
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var values = new List<KeyValuePair<string, string>>();
        var doc = await admin.GetDocumentAsync($"/Admin/Users/{id}");
        var form = doc.Forms.Single(f => f.QuerySelector("input[name='Input.ConcurrencyStamp']") is not null);
        values.AddRange(form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && i.Name is "__RequestVerificationToken" or "Input.ConcurrencyStamp").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)));
        values.Add(new("Input.Email", email));
        values.Add(new("Input.DisplayName", "Sessie"));
        values.Add(new("Input.Role", role));
        values.Add(new("Input.IsActive", active ? "true" : "false"));
        if (cluster is not null) values.Add(new("Input.ClusterIds", (await app.ClusterIdAsync(cluster)).ToString()));
        if (password is not null) values.Add(new("Input.NewPassword", password));
        var saved = await admin.PostFormRawAsync($"/Admin/Users/{id}", values);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return saved;
    }

    [Fact]
    public async Task A_cookie_captured_before_sign_out_is_refused_at_once()
    {
        var (_, email) = await NewManagerAsync("Catalisti");
        var (client, jar) = await app.SignedInWithJarAsync(email, UsersTestData.Password);
        var captured = jar.Snapshot();
        await AssertAcceptedAsync(Replay(captured));

        var signedOut = await client.SubmitFormAsync("/", new Dictionary<string, string>(), f => f.GetAttribute("action") == "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        await AssertRefusedAsync(Replay(captured));
        await AssertRefusedAsync(client);
        // Signing in again opens a new session that works.
        await AssertAcceptedAsync((await app.SignedInWithJarAsync(email, UsersTestData.Password)).Client);
    }

    [Fact]
    public async Task A_cookie_captured_before_deactivation_is_refused_at_once()
    {
        var (id, email) = await NewManagerAsync("Catalisti");
        var (client, _) = await app.SignedInWithJarAsync(email, UsersTestData.Password);
        await AssertAcceptedAsync(client);

        await AdminSavesAsync(id, email, Roles.ClusterManager, active: false, "Catalisti");

        await AssertRefusedAsync(client);
    }

    [Fact]
    public async Task A_cookie_captured_before_a_role_change_is_refused_at_once()
    {
        var (id, email) = await NewManagerAsync("Catalisti");
        var (client, _) = await app.SignedInWithJarAsync(email, UsersTestData.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Clusters")).StatusCode);

        await AdminSavesAsync(id, email, Roles.Applicant, active: true, cluster: null);

        await AssertRefusedAsync(client);
        // After signing in again the new role applies: an applicant has no cluster pages.
        var again = await app.SignedInAsync(email, UsersTestData.Password);
        AccessAssert.Denied(await again.GetAsync("/Clusters"));
    }

    [Fact]
    public async Task A_cookie_captured_before_a_scope_change_or_a_password_reset_is_refused_at_once()
    {
        var (id, email) = await NewManagerAsync("Catalisti");
        var (client, _) = await app.SignedInWithJarAsync(email, UsersTestData.Password);
        await AdminSavesAsync(id, email, Roles.ClusterManager, active: true, "Flux50");
        await AssertRefusedAsync(client);

        var (second, _) = await app.SignedInWithJarAsync(email, UsersTestData.Password);
        await AssertAcceptedAsync(second);
        await AdminSavesAsync(id, email, Roles.ClusterManager, active: true, "Flux50", password: "Another-password-2026");
        await AssertRefusedAsync(second);
        await AssertAcceptedAsync((await app.SignedInWithJarAsync(email, "Another-password-2026")).Client);
    }

    [Fact]
    public async Task An_edit_that_changes_no_right_keeps_the_session()
    {
        var (id, email) = await NewManagerAsync("Catalisti");
        var (client, _) = await app.SignedInWithJarAsync(email, UsersTestData.Password);
        await AdminSavesAsync(id, email, Roles.ClusterManager, active: true, "Catalisti");
        await AssertAcceptedAsync(client);
    }
}
