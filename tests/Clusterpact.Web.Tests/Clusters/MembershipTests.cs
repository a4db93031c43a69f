namespace Clusterpact.Web.Tests.Clusters;

[Collection(AppCollection.Name)]
public sealed class MembershipTests(ClusterpactApp app)
{
    private static string NewNumber()
    {
        var body = Random.Shared.Next(10_000_000, 19_999_999); // the 1-range: no demo organisation has one
        return body.ToString(System.Globalization.CultureInfo.InvariantCulture) + (97 - body % 97).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_manager_adds_a_new_organisation_by_a_typed_enterprise_number_and_ends_its_membership()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var n = NewNumber();
        var typed = $"BE {n[..4]}.{n[4..7]}.{n[7..]}";

        var withoutName = await manager.SubmitFormAsync($"/Clusters/{catalisti}/Members/Add", new Dictionary<string, string>
        {
            ["Input.EnterpriseNumber"] = typed, ["Input.From"] = "2026-02-01", ["Input.Role"] = "Member", ["Input.Kind"] = "Company",
        });
        Assert.Equal(HttpStatusCode.OK, withoutName.StatusCode);
        var doc = await withoutName.ParseAsync();
        Assert.Contains("geef haar naam", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(typed, doc.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_EnterpriseNumber")!.Value);

        var added = await manager.SubmitFormAsync($"/Clusters/{catalisti}/Members/Add", new Dictionary<string, string>
        {
            ["Input.EnterpriseNumber"] = typed, ["Input.Name"] = "Nieuw Lid BV", ["Input.From"] = "2026-02-01", ["Input.Role"] = "BoardMember",
            ["Input.Kind"] = "Company", ["Input.YearlyFee"] = "1.250,50",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var org = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.EnterpriseNumber == n));
        var membership = await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.OrganisationId == org.Id));
        Assert.Equal((catalisti, new DateOnly(2026, 2, 1), MembershipRole.BoardMember, 1250.50m), (membership.ClusterId, membership.From, membership.Role, membership.YearlyFee!.Value));

        var again = await manager.SubmitFormAsync($"/Clusters/{catalisti}/Members/Add", new Dictionary<string, string>
        {
            ["Input.EnterpriseNumber"] = n, ["Input.From"] = "2026-03-01", ["Input.Role"] = "Member", ["Input.Kind"] = "Company",
        });
        Assert.Contains("al lid van deze cluster", (await again.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);

        var before = await manager.SubmitFormAsync($"/Clusters/{catalisti}/Members/{membership.Id}", new Dictionary<string, string>
        {
            ["Input.Until"] = "2026-01-01", ["Input.Role"] = "BoardMember", ["Input.YearlyFee"] = "1250,5",
        });
        Assert.Contains("Het einde ligt voor het begin", (await before.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        var ended = await manager.SubmitFormAsync($"/Clusters/{catalisti}/Members/{membership.Id}", new Dictionary<string, string>
        {
            ["Input.Until"] = "2026-12-31", ["Input.Role"] = "BoardMember", ["Input.YearlyFee"] = "1250,5",
        });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == membership.Id.ToString() && a.Field == "Until").ToListAsync());
        Assert.Equal("2026-12-31", Assert.Single(audit).NewValue);
    }

    [Fact]
    public async Task An_invalid_enterprise_number_is_refused_with_its_reason()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var vil = await app.ClusterIdAsync("VIL");
        var response = await officer.SubmitFormAsync($"/Clusters/{vil}/Members/Add", new Dictionary<string, string>
        {
            ["Input.EnterpriseNumber"] = "0403.170.702", ["Input.Name"] = "X", ["Input.From"] = "2026-02-01", ["Input.Role"] = "Member", ["Input.Kind"] = "Company",
        });
        Assert.Contains("controlegetal", (await response.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_manages_the_members_of_a_cluster_that_is_not_theirs()
    {
        var flux = await app.ClusterIdAsync("Flux50");
        var fluxMembership = await app.WithDbAsync(db => db.Memberships.AsNoTracking().Where(m => m.ClusterId == flux).Select(m => m.Id).FirstAsync());
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Clusters/{flux}/Members/Add")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Clusters/{flux}/Members/{fluxMembership}")).StatusCode);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        // A membership of another cluster is not found through one's own cluster either.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Clusters/{catalisti}/Members/{fluxMembership}")).StatusCode);
        var reader = await app.SignedInAsync(Emails.Reader);
        Assert.Equal(HttpStatusCode.Redirect, (await reader.GetAsync($"/Clusters/{flux}/Members/Add")).StatusCode);
    }
}
