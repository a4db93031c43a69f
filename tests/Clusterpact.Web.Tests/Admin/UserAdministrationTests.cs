namespace Clusterpact.Web.Tests.Admin;

[Collection(AppCollection.Name)]
public sealed class UserAdministrationTests(ClusterpactApp app)
{
    [Fact]
    public async Task Administrator_creates_a_cluster_manager_who_then_sees_only_that_cluster()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var bhive = await app.ClusterIdAsync("B-hive");
        var email = $"new-manager-{Guid.NewGuid():N}@bhive.demo";
        var response = await admin.SubmitFormAsync("/Admin/Users/New", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nieuwe Manager", ["Input.Email"] = email, ["Input.Affiliation"] = "B-hive",
            ["Input.Role"] = Roles.ClusterManager, ["Input.ClusterIds"] = bhive.ToString(), ["Input.IsActive"] = "true",
            ["Input.NewPassword"] = UsersTestData.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var manager = await app.SignedInAsync(email, UsersTestData.Password);
        var page = await manager.GetStringAsync("/Clusters");
        Assert.Contains("B-hive", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Catalisti", page, StringComparison.Ordinal);

        // The new user, their role and their scope are in the audit trail, by the administrator.
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId.Contains(userId.ToString())).ToListAsync());
        var created = Assert.Single(audit, a => a is { EntityType: nameof(AppUser), Action: AuditAction.Created });
        Assert.Equal(Emails.Admin, created.UserName);
        Assert.Equal("*", created.Field);
        Assert.Contains($"\"Email\":\"{email}\"", created.NewValue, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", created.NewValue, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", created.NewValue, StringComparison.Ordinal);
        Assert.Contains(audit, a => a.EntityType == nameof(UserClusterScope) && a.Action == AuditAction.Created && a.NewValue!.Contains(bhive.ToString(), StringComparison.Ordinal));
        Assert.Contains(audit, a => a.EntityType.StartsWith("IdentityUserRole", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.Field == "PasswordHash");
    }

    [Fact]
    public async Task A_cluster_manager_without_a_cluster_is_refused_and_the_form_keeps_its_input()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var response = await admin.SubmitFormAsync("/Admin/Users/New", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Zonder Cluster", ["Input.Email"] = "zonder@cluster.demo",
            ["Input.Role"] = Roles.ClusterManager, ["Input.IsActive"] = "true", ["Input.NewPassword"] = UsersTestData.Password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.Contains("Kies minstens één cluster", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Zonder Cluster", doc.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_DisplayName")!.Value);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "zonder@cluster.demo")));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_rule()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var response = await admin.SubmitFormAsync("/Admin/Users/New", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Zwak", ["Input.Email"] = "zwak@cluster.demo", ["Input.Role"] = Roles.Reader,
            ["Input.IsActive"] = "true", ["Input.NewPassword"] = "short",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "zwak@cluster.demo")));
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role()
    {
        var email = $"admin-{Guid.NewGuid():N}@clusterpact.demo";
        var id = await UsersTestData.CreateUserAsync(app, email, Roles.Administrator);
        var admin = await app.SignedInAsync(email, UsersTestData.Password);
        var response = await admin.SubmitFormAsync($"/Admin/Users/{id}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Self", ["Input.Email"] = email, ["Input.Role"] = Roles.Reader, ["Input.IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var roles = await app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Administrator], roles);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        var email = $"gone-{Guid.NewGuid():N}@clusterpact.demo";
        var id = await UsersTestData.CreateUserAsync(app, email, Roles.Reader);
        var admin = await app.SignedInAsync(Emails.Admin);
        var saved = await admin.SubmitFormAsync($"/Admin/Users/{id}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Gone", ["Input.Email"] = email, ["Input.Role"] = Roles.Reader, ["Input.IsActive"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var client = app.Anonymous();
        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = UsersTestData.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The same answer as a wrong password: the form does not tell which addresses exist (SignInHardeningTests).
        Assert.Contains("Aanmelden is niet gelukt", (await response.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Clusters")).StatusCode);
    }

    [Fact]
    public async Task Unknown_user_id_is_not_found()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Users/garbage")).StatusCode);
    }
}
