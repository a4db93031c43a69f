namespace Clusterpact.Web.Tests.Clusters;

[Collection(AppCollection.Name)]
public sealed class EditClusterContactTests(ClusterpactApp app)
{
    [Fact]
    public async Task A_change_through_the_form_is_saved_and_audited_with_old_and_new_value()
    {
        var client = await app.SignedInAsync(Emails.CatalistiManager);
        var id = await app.ClusterIdAsync("Catalisti");
        var before = await app.WithDbAsync(db => db.Clusters.AsNoTracking().SingleAsync(c => c.Id == id));
        var newName = $"Contact {Guid.NewGuid():N}"[..20];

        var response = await client.SubmitFormAsync($"/Clusters/{id}/Edit", new Dictionary<string, string>
        {
            ["Input.Website"] = before.Website ?? "", ["Input.ContactName"] = newName, ["Input.ContactEmail"] = "contact@catalisti.demo",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await app.WithDbAsync(db => db.Clusters.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(newName, after.ContactName);
        Assert.Equal(before.Version + 1, after.Version);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Cluster" && a.EntityId == id.ToString() && a.Field == "ContactName" && a.NewValue == newName).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(before.ContactName, entry.OldValue);
        Assert.Equal(Emails.CatalistiManager, entry.UserName);
        Assert.Equal(AuditAction.Updated, entry.Action);

        var admin = await app.SignedInAsync(Emails.Admin);
        var trail = await admin.GetStringAsync($"/Admin/Audit?entityType=Cluster&entityId={id}&field=ContactName");
        Assert.Contains(newName, trail, StringComparison.Ordinal);
        Assert.Contains(Emails.CatalistiManager, trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_is_explained_next_to_the_field_and_what_was_typed_is_kept()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("Flux50");
        var response = await client.SubmitFormAsync($"/Clusters/{id}/Edit", new Dictionary<string, string>
        {
            ["Input.Website"] = "not a url", ["Input.ContactName"] = "Typed name", ["Input.ContactEmail"] = "x@y.be",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.Contains("https://", doc.QuerySelector("[data-valmsg-for='Input.Website']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Typed name", doc.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_ContactName")!.Value);
        Assert.Equal("not a url", doc.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Website")!.Value);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_not_silently_overwritten()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("De Blauwe Cluster");
        var current = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{id}");
        var version = current.GetProperty("version").GetInt64();

        var first = await officer.PutAsJsonAsync($"/api/v1/clusters/{id}/contact", new { version, website = "https://www.deblauwecluster.be", contactName = "Eerste Schrijver", contactEmail = "a@b.be" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await officer.PutAsJsonAsync($"/api/v1/clusters/{id}/contact", new { version, website = "https://www.deblauwecluster.be", contactName = "Tweede Schrijver", contactEmail = "a@b.be" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Concurrency.Conflict", problem.GetProperty("code").GetString());

        var stored = await app.WithDbAsync(db => db.Clusters.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("Eerste Schrijver", stored.ContactName);
    }

    [Fact]
    public async Task A_stale_form_keeps_the_input_and_says_someone_else_changed_it()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("SIM");
        var doc = await client.GetDocumentAsync($"/Clusters/{id}/Edit");
        var fields = doc.Forms.Single(f => f.Method == "post" && string.IsNullOrEmpty(f.GetAttribute("action")))
            .Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => i.Type == "hidden")
            .ToDictionary(i => i.Name!, i => i.Value);
        // Someone else saves first.
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{id}");
        await client.PutAsJsonAsync($"/api/v1/clusters/{id}/contact", new { version = current.GetProperty("version").GetInt64(), website = (string?)null, contactName = "Other person", contactEmail = (string?)null });

        fields["Input.ContactName"] = "Mine";
        fields["Input.ContactEmail"] = "mine@sim.be";
        var response = await client.PostFormRawAsync($"/Clusters/{id}/Edit", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Iemand anders heeft dit record intussen gewijzigd", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mine", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_ContactName")!.Value);
    }

    [Fact]
    public async Task Api_validation_failure_is_a_problem_with_the_rule_code()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("MEDVIA");
        var current = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{id}");
        var response = await officer.PutAsJsonAsync($"/api/v1/clusters/{id}/contact", new { version = current.GetProperty("version").GetInt64(), website = "ftp://x", contactName = "A", contactEmail = "a@b.be" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Cluster.WebsiteInvalid", problem.GetProperty("code").GetString());
    }
}

[Collection(AppCollection.Name)]
public sealed class ClusterRecordTests(ClusterpactApp app)
{
    [Fact]
    public async Task An_officer_ends_a_cluster_and_the_status_change_is_in_the_audit_trail()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("Power to Gas");
        var bad = await officer.SubmitFormAsync($"/Clusters/{id}/Record", new Dictionary<string, string>
        {
            ["Input.Name"] = "Power to Gas", ["Input.StrategicDomain"] = "hydrogen", ["Input.EnterpriseNumber"] = "0403.170.702",
            ["Input.Status"] = "ContinuedWithoutSupport", ["Input.SupportEnd"] = "2019-08-31",
        });
        Assert.Contains("controlegetal", (await bad.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        var ok = await officer.SubmitFormAsync($"/Clusters/{id}/Record", new Dictionary<string, string>
        {
            ["Input.Name"] = "Power to Gas", ["Input.StrategicDomain"] = "hydrogen", ["Input.EnterpriseNumber"] = "BE 0403 170 701",
            ["Input.Status"] = "ContinuedWithoutSupport", ["Input.SupportEnd"] = "2019-08-31",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var status = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString() && a.Field == "Status").ToListAsync());
        Assert.Equal(("Ended", "ContinuedWithoutSupport"), (Assert.Single(status).OldValue, status[0].NewValue));
        Assert.Equal("0403170701", (await app.WithDbAsync(db => db.Clusters.AsNoTracking().SingleAsync(c => c.Id == id))).EnterpriseNumber);

        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.GetAsync($"/Clusters/{catalisti}/Record")).StatusCode);
    }
}
