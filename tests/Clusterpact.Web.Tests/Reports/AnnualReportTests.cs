namespace Clusterpact.Web.Tests.Reports;

/// <summary>
/// Annual reports through HTTP: a cluster manager edits only their own report and only while it is a draft or
/// returned; agency staff return it with a remark or accept it; the KPI pages show the result.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AnnualReportTests(ClusterpactApp app)
{
    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    /// <summary>The form of one lifecycle step: posted to the page's Step handler with that step.</summary>
    private static Func<AngleSharp.Html.Dom.IHtmlFormElement, bool> Step(string step) =>
        f => Handler(f, "Step") && f.QuerySelector($"input[name=step][value={step}]") is not null;


    private static Dictionary<string, string> Filled(string fte, string? fteComment = null) => new()
    {
        [$"Value[{KpiCatalogue.ExtraTurnover}]"] = "7.500.000", [$"Value[{KpiCatalogue.ExtraFte}]"] = fte, [$"Comment[{KpiCatalogue.ExtraFte}]"] = fteComment ?? "",
        [$"Value[{KpiCatalogue.ExtraInvestments}]"] = "1.250.000", [$"Value[{KpiCatalogue.MoreCompetitive}]"] = "35", [$"Value[{KpiCatalogue.EuropeanSmes}]"] = "9",
        ["Narrative"] = "Het jaarplan werd uitgevoerd.",
    };

    /// <summary>A fresh report of a cluster for a working year nobody else uses in the tests.</summary>
    private async Task<(Guid Id, string Url)> FreshReportAsync(string cluster, int year)
    {
        var id = await app.ClusterIdAsync(cluster);
        var reportId = await app.WithDbAsync(async db =>
        {
            var existing = await db.AnnualReports.Where(r => r.ClusterId == id && r.Year == year).ToListAsync();
            db.AnnualReports.RemoveRange(existing);
            var report = AnnualReport.Start(id, year);
            db.AnnualReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });
        return (reportId, $"/Reports/{reportId}");
    }

    [Fact]
    public async Task A_manager_cannot_open_or_edit_another_clusters_report_nor_its_kpis_and_pact()
    {
        var (_, url) = await FreshReportAsync("Flux50", 2018);
        var flux = await app.ClusterIdAsync("Flux50");
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Kpis/Cluster/{flux}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Pacts/{flux}")).StatusCode);
        var token = (await manager.GetDocumentAsync("/Reports")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var forged = await manager.PostFormRawAsync($"{url}?handler=Save", [new("__RequestVerificationToken", token), new("Version", "0"), new("Narrative", "hacked")]);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        // A reader sees a report but gets no form, and a posted save is refused.
        var reader = await app.SignedInAsync(Emails.Reader);
        var page = await reader.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("textarea#Narrative"));
        var refused = await reader.PostFormRawAsync($"{url}?handler=Save", [new("__RequestVerificationToken", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), new("Version", "0"), new("Narrative", "x")]);
        AccessAssert.Denied(refused);
        Assert.Null((await app.WithDbAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.ClusterId == flux && r.Year == 2018))).Narrative);
    }

    [Fact]
    public async Task Draft_submit_return_correct_resubmit_accept_and_no_edits_in_between()
    {
        var (id, url) = await FreshReportAsync("Catalisti", 2017);
        var manager = await app.SignedInAsync(Emails.CatalistiManager);

        // A share above 100% is refused at entry, with what was typed kept.
        var refused = await manager.SubmitFormAsync(url, new Dictionary<string, string>(Filled("20")) { [$"Value[{KpiCatalogue.MoreCompetitive}]"] = "135" }, f => Handler(f, "Save"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var doc = await refused.ParseAsync();
        Assert.Contains("tussen 0 en 100%", doc.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("135", doc.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#v-{KpiCatalogue.MoreCompetitive}")!.Value);

        var submitted = await manager.SubmitFormAsync(url, new Dictionary<string, string>(Filled("20")) { ["submit"] = "true" }, f => Handler(f, "Save"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var stored = await app.WithDbAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((ReportStatus.Submitted, 0.35m, 7_500_000m), (stored.Status, stored.ValueOf(KpiCatalogue.MoreCompetitive)!.Value, stored.ValueOf(KpiCatalogue.ExtraTurnover)!.Value));

        // Submitted: the manager can no longer change it.
        var token = (await manager.GetDocumentAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var late = await manager.PostFormRawAsync($"{url}?handler=Save", [new("__RequestVerificationToken", token), new("Version", stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Narrative", "te laat")]);
        Assert.Contains("niet meer gewijzigd", (await late.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        // Nor can the manager accept it: the page offers no such step, and the table's actors deny a forged one as a
        // folder rule would (access denied), not as a mistake in a form the manager was never shown.
        Assert.Null((await manager.GetDocumentAsync(url)).QuerySelector("button[data-step=Accept]"));
        var selfAccept = await manager.PostFormRawAsync($"{url}?handler=Step", [new("__RequestVerificationToken", token), new("Version", stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("step", ReportLifecycle.Accept)]);
        AccessAssert.Denied(selfAccept);
        Assert.Equal(ReportStatus.Submitted, await app.WithDbAsync(db => db.AnnualReports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        var officer = await app.SignedInAsync(Emails.Officer);
        var noRemark = await officer.SubmitFormAsync(url, new Dictionary<string, string>(), Step(ReportLifecycle.Return));
        Assert.Contains("opmerkingen", (await noRemark.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["reason"] = "Extra VTE onderbouwen" }, Step(ReportLifecycle.Return))).StatusCode);

        var returned = await manager.GetDocumentAsync(url);
        Assert.Contains("Extra VTE onderbouwen", returned.QuerySelector("[data-testid=remark]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(url, new Dictionary<string, string>(Filled("24", "Telling per lid")) { ["submit"] = "true" }, f => Handler(f, "Save"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(url, new Dictionary<string, string>(), Step(ReportLifecycle.Accept))).StatusCode);

        stored = await app.WithDbAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(ReportStatus.Accepted, stored.Status);
        Assert.Equal([ReportStatus.Submitted, ReportStatus.Returned, ReportStatus.Submitted, ReportStatus.Accepted], stored.Steps.Select(s => s.To));
        Assert.Equal(24m, stored.ValueOf(KpiCatalogue.ExtraFte));
        // The manager reads who accepted it and when.
        var officerName = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Officer).Select(u => u.DisplayName).SingleAsync());
        var decided = (await manager.GetDocumentAsync(url)).QuerySelector("[data-testid=report-decided]")!.TextContent.Trim();
        Assert.Equal($"· {officerName} op {app.Today:dd-MM-yyyy}", decided);

        // The accepted value is the cluster's KPI for 2017.
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var kpis = await manager.GetDocumentAsync($"/Kpis/Cluster/{catalisti}?kpi={KpiCatalogue.ExtraFte}");
        Assert.Equal("24,0", kpis.QuerySelector("[data-testid=kpi-years] tr[data-year='2017'] [data-testid=actual]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_value_far_from_last_year_needs_a_comment_before_submitting()
    {
        var (_, url) = await FreshReportAsync("Flux50", 2019);
        await app.WithDbAsync(async db =>
        {
            var flux = await db.Clusters.Where(c => c.Name == "Flux50").Select(c => c.Id).SingleAsync();
            var previous = await db.AnnualReports.SingleOrDefaultAsync(r => r.ClusterId == flux && r.Year == 2018) ?? AnnualReport.Start(flux, 2018);
            if (db.Entry(previous).State == EntityState.Detached) db.AnnualReports.Add(previous);
            previous.SetValue(KpiCatalogue.ExtraFte, 10m, null, null, null);
            return await db.SaveChangesAsync();
        });
        var manager = await app.SignedInAsync(Emails.Flux50Manager);
        var response = await manager.SubmitFormAsync(url, new Dictionary<string, string>(Filled("40")) { ["submit"] = "true" }, f => Handler(f, "Save"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.Contains("toelichting", doc.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("drie keer", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_programme_row_counts_each_member_once_across_clusters()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var doc = await officer.GetDocumentAsync($"/Kpis?kpi={KpiCatalogue.Members}&year=2024");
        var programme = int.Parse(doc.QuerySelector("[data-testid=programme-row] td")!.TextContent.Trim().Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var (sum, distinct) = await app.WithDbAsync(async db =>
        {
            var end = new DateOnly(2024, 12, 31);
            var active = await db.Memberships.AsNoTracking().Where(m => m.From <= end && (m.Until == null || m.Until >= end)).Select(m => new { m.OrganisationId, m.ClusterId }).ToListAsync();
            return (active.Select(a => (a.OrganisationId, a.ClusterId)).Distinct().Count(), active.Select(a => a.OrganisationId).Distinct().Count());
        });
        Assert.Equal(distinct, programme);
        Assert.True(sum > distinct, "the demo register has organisations in several clusters");
    }
}
