namespace Clusterpact.Web.Tests.Organisations;

[Collection(AppCollection.Name)]
public sealed class SizeOverrideTests(ClusterpactApp app)
{
    [Fact]
    public async Task An_officer_overrides_the_size_class_only_with_a_justification_and_it_is_audited()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var org = await app.WithDbAsync(db => db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Company && o.SizeClass == SizeClass.Small && o.SizeOverride == null && db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti))
            .OrderBy(o => o.Name).Skip(3).FirstAsync());
        var officer = await app.SignedInAsync(Emails.Officer);
        bool IsOverrideForm(AngleSharp.Html.Dom.IHtmlFormElement f) => f.GetAttribute("action")?.Contains("handler=Override", StringComparison.Ordinal) == true;

        var refused = await officer.SubmitFormAsync($"/Organisations/{org.Id}", new Dictionary<string, string> { ["OverrideClass"] = "Large", ["Justification"] = "groep" }, IsOverrideForm);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Geef een verantwoording", (await refused.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SizeClass.Small, (await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == org.Id))).SizeClass);

        var saved = await officer.SubmitFormAsync($"/Organisations/{org.Id}", new Dictionary<string, string>
        {
            ["OverrideClass"] = "Large", ["Justification"] = "Dochter van een groep met 1.200 VTE (partneronderneming)",
        }, IsOverrideForm);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == org.Id));
        Assert.Equal((SizeClass.Large, SizeClass.Large), (after.SizeClass, after.SizeOverride!.Value));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == org.Id.ToString() && a.Field == "SizeClass").ToListAsync());
        var change = Assert.Single(audit);
        Assert.Equal(("Small", "Large", Emails.Officer), (change.OldValue, change.NewValue, change.UserName));

        // Clearing the override goes back to the class the figures give (none recorded: the class stays as it was).
        var cleared = await officer.SubmitFormAsync($"/Organisations/{org.Id}", new Dictionary<string, string> { ["OverrideClass"] = "", ["Justification"] = "" }, IsOverrideForm);
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null((await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == org.Id))).SizeOverride);
    }

    [Fact]
    public async Task A_cluster_manager_cannot_override_a_size_class()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var org = await app.WithDbAsync(db => db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Company && db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti)).FirstAsync());
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var page = await manager.GetDocumentAsync($"/Organisations/{org.Id}");
        Assert.Null(page.QuerySelector("form[action*='handler=Override']"));
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var response = await manager.PostFormRawAsync($"/Organisations/{org.Id}?handler=Override", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["OverrideClass"] = "Micro", ["Justification"] = "Ik vind ons klein genoeg", ["Version"] = org.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        AccessAssert.Denied(response);
        Assert.Null((await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == org.Id))).SizeOverride);
    }
}
