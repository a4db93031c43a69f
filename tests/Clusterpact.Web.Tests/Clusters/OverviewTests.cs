using System.Globalization;
using System.Net;
using Clusterpact.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clusterpact.Web.Tests.Clusters;

[Collection(AppCollection.Name)]
public sealed class OverviewTests(ClusterpactApp app)
{
    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    [Fact]
    public async Task Money_granted_and_paid_this_year_and_the_coming_deadlines_per_cluster()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var officer = await app.SignedInAsync(Emails.Officer);
        var admin = await app.SignedInAsync(Emails.Admin);
        var id = await app.ClusterIdAsync("Flanders' FOOD");
        var agreement = await app.WithDbAsync(db => db.SupportAgreements.Where(a => a.ClusterId == id).Select(a => a.Id).SingleAsync());
        var url = $"/Clusters/{id}/Agreements/{agreement}/Budget";
        var planned = await officer.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["yearStart"] = new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["grantedAid"] = "400000", ["plannedCofinancing"] = "450000", ["animation"] = "850000",
        }, f => Handler(f, "Year"));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var year = await app.WithDbAsync(db => db.AgreementYears.Where(y => y.AgreementId == agreement).Select(y => y.Id).SingleAsync());
        await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["yearId"] = year.ToString(), ["amount"] = "100000" }, f => Handler(f, "Payment"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, new Dictionary<string, string>(), f => Handler(f, "Decide") && f.QuerySelector("input[name=decision]")!.GetAttribute("value") == "Approved")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, new Dictionary<string, string>(), f => Handler(f, "Decide") && f.QuerySelector("input[name=decision]")!.GetAttribute("value") == "Paid")).StatusCode);

        var doc = await officer.GetDocumentAsync("/Agreements?type=SpearheadCluster");
        var cells = doc.QuerySelector($"tr[data-cluster='{id}']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal("31-12-2027", cells[2]);
        Assert.StartsWith("31-12-2027", cells[3], StringComparison.Ordinal);
        Assert.Equal("€ 400.000,00", cells[4]);
        Assert.Equal("€ 100.000,00", cells[5]);

        // The 10-year limit of the first-wave clusters (31-12-2026) is listed when it falls within 90 days.
        var deadlines = doc.QuerySelector("[data-testid=deadlines]")!.TextContent;
        var withinHorizon = new DateOnly(2026, 12, 31).DayNumber - today.DayNumber is >= 0 and <= 90;
        Assert.Equal(withinHorizon, deadlines.Contains("Catalisti", StringComparison.Ordinal) && deadlines.Contains("Einde 10 jaar", StringComparison.Ordinal));

        var csv = await officer.GetStringAsync("/Agreements?handler=Export&format=csv&type=SpearheadCluster");
        Assert.Contains(csv.Split("\r\n"), l => l.StartsWith("Flanders' FOOD;Speerpuntcluster;", StringComparison.Ordinal) && l.Contains(";400000;100000;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_overview_is_scoped_and_refused_to_experts()
    {
        var manager = await app.SignedInAsync(Emails.Flux50Manager);
        var rows = (await manager.GetDocumentAsync("/Agreements")).QuerySelectorAll("[data-testid=overview] tbody tr");
        Assert.Equal(["Flux50"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        var expert = await app.SignedInAsync(Emails.Expert);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.GetAsync("/Agreements")).StatusCode);
        var reader = await app.SignedInAsync(Emails.Reader);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/Agreements")).StatusCode);
    }
}
