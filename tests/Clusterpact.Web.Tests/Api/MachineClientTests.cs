using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Clusterpact.Web.Infrastructure.Clients;

namespace Clusterpact.Web.Tests.Api;

/// <summary>Machine clients on the API (decision 0014): tokens shown once and stored hashed, refused when expired or revoked, held to their scopes, their cluster and their rate.</summary>
[Collection(AppCollection.Name)]
public sealed class MachineClientTests(ClusterpactApp app)
{
    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private Task<Guid> OwnClusterAsync(string name) => app.WithDbAsync(async db =>
    {
        var cluster = new Cluster(name, ClusterType.AdHocCluster, "test", "test", new DateOnly(2020, 1, 1), new DateOnly(2022, 12, 31), ClusterStatus.Ended);
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync();
        return cluster.Id;
    });

    [Fact]
    public async Task A_token_and_a_secret_are_shown_once_and_only_their_hashes_are_stored()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var client = await MachineClientPages.CreateAsync(admin, "Boekhouding", ["clusters:read"]);
        var token = await MachineClientPages.CreateTokenAsync(admin, client.Id, app.Today.AddDays(30));

        Assert.StartsWith(ClientSecrets.PersonalAccessPrefix, token, StringComparison.Ordinal);
        Assert.StartsWith(ClientSecrets.ClientSecretPrefix, client.Secret, StringComparison.Ordinal);
        var row = Assert.Single(await app.WithDbAsync(db => db.ClientTokens.AsNoTracking().Where(t => t.MachineClientId == client.Id).ToListAsync()));
        Assert.Equal(Sha256(token), row.TokenHash);
        Assert.Equal(token[..9] + "…", row.Hint);
        Assert.Equal(Sha256(client.Secret), await app.WithDbAsync(db => db.MachineClients.Where(c => c.Id == client.Id).Select(c => c.SecretHash).SingleAsync()));

        // Neither appears again: not on the client's page, not in the audit trail.
        var page = await (await admin.GetAsync($"/Clients/{client.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, page, StringComparison.Ordinal);
        Assert.DoesNotContain(client.Secret, page, StringComparison.Ordinal);
        var trail = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == client.Id.ToString()).Select(a => a.NewValue ?? "").ToListAsync());
        Assert.NotEmpty(trail);
        Assert.All(trail, v => Assert.DoesNotContain(Sha256(client.Secret), v, StringComparison.Ordinal));

        // The token is the client's, with its owner's rights.
        var me = await app.WithToken(token).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.StartsWith("API-client Boekhouding (of user ", me.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains("Administrator", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task An_expired_or_revoked_token_is_refused_with_401_and_a_token_opens_no_page()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var client = await MachineClientPages.CreateAsync(admin, "Verloopclient", ["clusters:read"]);
        var endsTonight = await MachineClientPages.CreateTokenAsync(admin, client.Id, app.Today);
        var revoked = await MachineClientPages.CreateTokenAsync(admin, client.Id, app.Today.AddDays(60));
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(endsTonight).GetAsync("/api/v1/clusters")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(revoked).GetAsync("/api/v1/clusters")).StatusCode);
        // A bearer token is for the API only: a page still asks to sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await app.WithToken(revoked).GetAsync("/Clusters")).StatusCode);

        var hint = revoked[..9] + "…";
        await admin.ConfirmAsync($"/Clients/{client.Id}", "RevokeToken", pick: f => f.QuerySelector<IHtmlInputElement>("input[name='confirm.subject']")?.Value == hint);
        var refused = await app.WithToken(revoked).GetAsync("/api/v1/clusters");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(endsTonight).GetAsync("/api/v1/clusters")).StatusCode);

        // Its last day ends at midnight in Brussels (ApiCredentialTests); the collection's clock must stay on 1 December,
        // so the end is brought to two minutes from now and the clock passes it.
        var hash = ClientSecrets.Hash(endsTonight);
        Assert.Equal(new DateTimeOffset(app.Today.ToDateTime(new TimeOnly(23, 0)), TimeSpan.Zero), await app.WithDbAsync(db => db.ClientTokens.Where(t => t.TokenHash == hash).Select(t => t.ExpiresAt).SingleAsync()));
        var end = app.Clock.GetUtcNow().AddMinutes(2);
        await app.WithDbAsync(db => db.ClientTokens.Where(t => t.TokenHash == hash).ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiresAt, end)));
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(endsTonight).GetAsync("/api/v1/clusters")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithToken(endsTonight).GetAsync("/api/v1/clusters")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithToken("cpat_not-a-token").GetAsync("/api/v1/clusters")).StatusCode);
    }

    [Fact]
    public async Task Client_credentials_give_an_access_token_for_an_hour_that_revoking_the_client_stops()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var client = await MachineClientPages.CreateAsync(admin, "Financieel systeem", ["clusters:read", "members:read"]);
        var anonymous = app.Anonymous();

        var wrong = await anonymous.PostAsync("/api/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret + "x" }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_client", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        var issued = await anonymous.PostAsync("/api/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret, ["scope"] = "members:read" }));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("members:read", body.GetProperty("scope").GetString());
        var access = body.GetProperty("access_token").GetString()!;
        Assert.StartsWith(ClientSecrets.AccessPrefix, access, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(access).GetAsync("/api/v1/organisations")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithToken(access).GetAsync("/api/v1/organisations")).StatusCode);

        var again = (await (await anonymous.PostAsync("/api/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret }))).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await app.WithToken(again).GetAsync("/api/v1/organisations")).StatusCode);
        // The hour also ended the administrator's session (30 minutes idle): they sign in again to revoke.
        admin = await app.SignedInAsync(Emails.Admin);
        await admin.ConfirmAsync($"/Clients/{client.Id}", "Revoke");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithToken(again).GetAsync("/api/v1/organisations")).StatusCode);
        var afterRevoke = await anonymous.PostAsync("/api/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret }));
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task A_read_only_token_is_refused_a_write_with_a_403_problem_and_a_write_is_audited_with_the_client()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var clusterId = await OwnClusterAsync("Tokencluster schrijven");
        var reading = await MachineClientPages.CreateTokenAsync(admin, (await MachineClientPages.CreateAsync(admin, "Leesclient", ["clusters:read"])).Id, app.Today.AddDays(30));
        var writing = await MachineClientPages.CreateTokenAsync(admin, (await MachineClientPages.CreateAsync(admin, "Schrijfclient", ["clusters:write"])).Id, app.Today.AddDays(30));

        var version = (await app.WithToken(reading).GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{clusterId}")).GetProperty("version").GetInt64();
        var refused = await app.WithToken(reading).PutAsJsonAsync($"/api/v1/clusters/{clusterId}/contact", new { version, website = "https://lezer.example", contactName = "Lezer", contactEmail = (string?)null });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("clusters:write", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("insufficient_scope", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        var done = await app.WithToken(writing).PutAsJsonAsync($"/api/v1/clusters/{clusterId}/contact", new { version, website = "https://schrijver.example", contactName = "Schrijver", contactEmail = (string?)null });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var who = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == clusterId.ToString() && a.Field == "Website").Select(a => new { a.UserName, a.NewValue }).ToListAsync());
        var change = Assert.Single(who);
        Assert.Equal("https://schrijver.example", change.NewValue);
        Assert.StartsWith("API-client Schrijfclient (of user ", change.UserName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_scoped_to_members_reads_members_and_is_refused_every_other_area()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var token = await MachineClientPages.CreateTokenAsync(admin, (await MachineClientPages.CreateAsync(admin, "CRM-leden", ["members:read"])).Id, app.Today.AddDays(30));
        var api = app.WithToken(token);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        foreach (var (path, scope) in new[] { ("/api/v1/projects", "projects:read"), ("/api/v1/funds", "projects:read"), ("/api/v1/clusters", "clusters:read") })
        {
            var refused = await api.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains(scope, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        // Administration has no API area: no client reaches it, not even an administrator's.
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task A_cluster_managers_token_acts_for_their_own_cluster_only()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var flux50 = await app.ClusterIdAsync("Flux50");

        var foreign = await MachineClientPages.PostAsync(manager, "/Clients/New", "/Clients/New",
            [new("Input.Name", "CRM Flux50"), new("Input.LastDay", "2027-06-01"), new("Input.Scopes", "clusters:read"), new("Input.ClusterId", flux50.ToString())]);
        Assert.Null(foreign.QuerySelector("[data-testid=shown-once]"));
        Assert.NotNull(foreign.QuerySelector("#error-summary"));

        var client = await MachineClientPages.CreateAsync(manager, "CRM Catalisti", ["clusters:read", "members:write"], cluster: catalisti);
        var api = app.WithToken(await MachineClientPages.CreateTokenAsync(manager, client.Id, app.Today.AddDays(30)));
        var listed = (await api.GetFromJsonAsync<JsonElement>("/api/v1/clusters?limit=200")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([catalisti], listed);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/clusters/{flux50}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/clusters/{catalisti}")).StatusCode);

        // The manager keeps their own clients only; another manager does not see them.
        var flux = await app.SignedInAsync(Emails.Flux50Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await flux.GetAsync($"/Clients/{client.Id}")).StatusCode);
        Assert.DoesNotContain("CRM Catalisti", await (await flux.GetAsync("/Clients?search=CRM")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("CRM Catalisti", await (await manager.GetAsync("/Clients?search=CRM")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_retry_after_and_other_clients_go_on()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var limited = app.WithToken(await MachineClientPages.CreateTokenAsync(admin, (await MachineClientPages.CreateAsync(admin, "Trage client", ["members:read"], perMinute: 3)).Id, app.Today.AddDays(30)));
        var other = app.WithToken(await MachineClientPages.CreateTokenAsync(admin, (await MachineClientPages.CreateAsync(admin, "Andere client", ["members:read"])).Id, app.Today.AddDays(30)));

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync("/api/v1/me")).StatusCode);
        var refused = await limited.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After: " + refused.Headers.RetryAfter);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);
    }
}
