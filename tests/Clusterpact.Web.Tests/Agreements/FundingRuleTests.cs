namespace Clusterpact.Web.Tests.Agreements;

[Collection(AppCollection.Name)]
public sealed class FundingRuleTests(ClusterpactApp app)
{
    [Fact]
    public async Task An_administrator_records_a_future_rule_but_never_a_retroactive_one()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var today = app.Today;
        var retro = await admin.SubmitFormAsync("/Agreements/Rules", new Dictionary<string, string>
        {
            ["ClusterType"] = "InnovativeBusinessNetwork", ["EffectiveFrom"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["MaxYearlyOperatingAid"] = "175000",
            ["MinMemberCofinancingPercent"] = "50", ["MaxAidIntensityPercent"] = "50", ["MaxTermYears"] = "3", ["MaxOperatingAidYears"] = "3", ["Source"] = "BVR test",
        });
        Assert.Contains("het verleden wordt niet herschreven", (await retro.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);

        var from = new DateOnly(today.Year + 1, 1, 1);
        var saved = await admin.SubmitFormAsync("/Agreements/Rules", new Dictionary<string, string>
        {
            ["ClusterType"] = "InnovativeBusinessNetwork", ["EffectiveFrom"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["MaxYearlyOperatingAid"] = "175.000",
            ["MinMemberCofinancingPercent"] = "50", ["MaxAidIntensityPercent"] = "50", ["MaxTermYears"] = "3", ["MaxOperatingAidYears"] = "3", ["Source"] = "BVR test",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rows = await app.WithDbAsync(db => db.FundingRules.AsNoTracking().Where(r => r.ClusterType == Domain.Clusters.ClusterType.InnovativeBusinessNetwork).OrderBy(r => r.EffectiveFrom).ToListAsync());
        Assert.Equal([150_000m, 175_000m], rows.Select(r => r.MaxYearlyOperatingAid));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "FundingRuleRow" && a.UserName == Emails.Admin)));

        var officer = await app.SignedInAsync(Emails.Officer);
        var page = await officer.GetDocumentAsync("/Agreements/Rules");
        Assert.Null(page.QuerySelector("form[method=post]:not([action])"));
        Assert.Contains("€ 175.000,00", page.QuerySelector("[data-testid=rules]")!.TextContent, StringComparison.Ordinal);
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var refused = await officer.PostFormRawAsync("/Agreements/Rules", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["ClusterType"] = "SpearheadCluster", ["EffectiveFrom"] = "2099-01-01", ["MaxYearlyOperatingAid"] = "1", ["Source"] = "x" });
        AccessAssert.Denied(refused);
    }
}
