namespace Clusterpact.Web.Tests.Agreements;

[Collection(AppCollection.Name)]
public sealed class BudgetTests(ClusterpactApp app)
{
    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    private static string? Step(AngleSharp.Html.Dom.IHtmlFormElement f) => f.QuerySelector("input[name=step]")?.GetAttribute("value");

    private async Task<(Guid Cluster, Guid Agreement, string Url)> FreshAgreementAsync(HttpClient officer, string clusterName)
    {
        var id = await app.ClusterIdAsync(clusterName);
        var created = await officer.SubmitFormAsync($"/Clusters/{id}/Agreements/New", new Dictionary<string, string>
        {
            ["Input.Start"] = "2025-01-15", ["Input.End"] = "2028-01-14", ["Input.DecisionReference"] = "HF-2025-T",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var agreement = await app.WithDbAsync(db => db.SupportAgreements.Where(a => a.ClusterId == id).Select(a => a.Id).SingleAsync());
        return (id, agreement, $"/Clusters/{id}/Agreements/{agreement}/Budget");
    }

    [Fact]
    public async Task A_programme_officer_cannot_approve_a_payment_they_requested()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var (_, agreement, url) = await FreshAgreementAsync(officer, "Flanders Space 2.0");
        var year = await officer.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["yearStart"] = "2025-01-15", ["grantedAid"] = "150.000", ["plannedCofinancing"] = "160.000", ["animation"] = "200.000", ["marketing"] = "100.000",
        }, f => Handler(f, "Year"));
        Assert.Equal(HttpStatusCode.Redirect, year.StatusCode);

        var yearId = (await app.WithDbAsync(db => db.AgreementYears.Where(y => y.AgreementId == agreement).Select(y => y.Id).SingleAsync())).ToString();
        var tooMuch = await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["yearId"] = yearId, ["amount"] = "150.000,01" }, f => Handler(f, "Payment"));
        Assert.Contains("boven de toegekende steun", (await tooMuch.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        var requested = await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["yearId"] = yearId, ["amount"] = "75.000" }, f => Handler(f, "Payment"));
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var payment = await app.WithDbAsync(db => db.AidPayments.AsNoTracking().SingleAsync(p => p.AgreementId == agreement));
        Assert.Equal((75_000m, PaymentStatus.Requested), (payment.AmountEur, payment.Status));

        var self = await officer.SubmitFormAsync(url, new Dictionary<string, string>(), f => Handler(f, "Step") && Step(f) == "Approve");
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Contains("vier-ogenprincipe", (await self.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Requested, (await app.WithDbAsync(db => db.AidPayments.AsNoTracking().SingleAsync(p => p.Id == payment.Id))).Status);

        var admin = await app.SignedInAsync(Emails.Admin);
        var approved = await admin.SubmitFormAsync(url, new Dictionary<string, string>(), f => Handler(f, "Step") && Step(f) == "Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var stored = await app.WithDbAsync(db => db.AidPayments.AsNoTracking().SingleAsync(p => p.Id == payment.Id));
        Assert.Equal(PaymentStatus.Approved, stored.Status);
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Admin).Select(u => u.Id).SingleAsync());
        Assert.Equal(adminId, stored.DecidedBy);

        // Who decided and on which day, on the working-year page and on the agreement's own page.
        var adminName = await app.WithDbAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.DisplayName).SingleAsync());
        var decidedLine = $"{adminName} op {app.Today:dd-MM-yyyy}";
        var years = await officer.GetDocumentAsync(url);
        Assert.Equal(decidedLine, years.QuerySelector("[data-testid=payment-decided]")!.TextContent.Trim());
        Assert.DoesNotContain("Begrotingsplanner", years.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Begrotingsplanner", years.Title, StringComparison.Ordinal);
        Assert.Contains("Werkingsjaren en betalingen", years.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agreement_has_a_page_of_its_own_linked_from_the_cluster()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var cluster = await app.ClusterIdAsync("Catalisti");
        var agreement = await app.WithDbAsync(db => db.SupportAgreements.AsNoTracking().Where(a => a.ClusterId == cluster).OrderBy(a => a.Id).FirstAsync());
        var clusterPage = await officer.GetDocumentAsync($"/Clusters/{cluster}");
        Assert.Contains(clusterPage.QuerySelectorAll("[data-testid=agreement-link]"), l => l.GetAttribute("href") == $"/Clusters/{cluster}/Agreements/{agreement.Id}");

        var page = await officer.GetDocumentAsync($"/Clusters/{cluster}/Agreements/{agreement.Id}");
        Assert.Contains($"Steunovereenkomst {agreement.Start:dd-MM-yyyy} – {agreement.End:dd-MM-yyyy}", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(agreement.Terms.Count, page.QuerySelectorAll("[data-testid=terms] tbody tr").Length);
        Assert.NotNull(page.QuerySelector("[data-testid=amendments]"));
        var years = await app.WithDbAsync(db => db.AgreementYears.CountAsync(y => y.AgreementId == agreement.Id));
        Assert.Equal(Math.Max(years, 1), page.QuerySelectorAll("[data-testid=agreement-years] tbody tr").Length);
        Assert.NotNull(page.QuerySelector("[data-testid=agreement-payments]"));
        var evaluations = await app.WithDbAsync(db => db.Evaluations.Where(e => e.ClusterId == cluster).Select(e => e.Title).ToListAsync());
        foreach (var title in evaluations) Assert.Contains(title, page.QuerySelector("[data-testid=agreement-evaluations]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/Clusters/{cluster}/Agreements/{agreement.Id}/Budget']"));
    }

    [Fact]
    public async Task The_cluster_manager_records_cofinancing_and_the_deposit_status_follows()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        // MEDVIA has no agreement in the demo (the others have every working year budgeted already).
        var (id, agreement, url) = await FreshAgreementAsync(officer, "MEDVIA");
        var today = app.Today;
        var yearStart = new DateOnly(2026, 1, 15);
        var planned = await officer.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["yearStart"] = "2026-01-15", ["grantedAid"] = "650000", ["plannedCofinancing"] = "700000", ["animation"] = "1000000", ["training"] = "350000",
        }, f => Handler(f, "Year"));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);

        await UsersTestData.CreateUserAsync(app, "manager.medvia@test.demo", Web.Infrastructure.Auth.Roles.ClusterManager, id);
        var manager = await app.SignedInAsync("manager.medvia@test.demo", UsersTestData.Password);
        var page = await manager.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("form[action*='handler=Payment']"));
        var status = page.QuerySelector("[data-year] [data-testid=deposit-status]")!.TextContent;
        // 80% of 700,000 = 560,000 was due by 15-04-2026; nothing recorded.
        Assert.Equal(today > yearStart.AddMonths(3) ? "Te laat" : today >= yearStart.AddMonths(3).AddDays(-30) ? "Termijn nadert" : "Wacht op storting", status);

        var recorded = await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["paidOn"] = "2026-03-20", ["amount"] = "560.000", ["reference"] = "OGM 101" },
            f => Handler(f, "Cofinancing"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var after = await manager.GetDocumentAsync(url);
        Assert.Equal("In orde", after.QuerySelector("[data-year] [data-testid=deposit-status]")!.TextContent);
        Assert.Contains("OGM 101", after.Body!.TextContent, StringComparison.Ordinal);

        var token = after.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var year = await app.WithDbAsync(db => db.AgreementYears.Where(y => y.AgreementId == agreement).Select(y => y.Id).SingleAsync());
        var refused = await manager.PostFormRawAsync($"{url}?handler=Payment", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["yearId"] = year.ToString(), ["amount"] = "1000" });
        AccessAssert.Denied(refused);
        Assert.False(await app.WithDbAsync(db => db.AidPayments.AnyAsync(p => p.AgreementId == agreement)));

        var other = await app.SignedInAsync(Emails.Flux50Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
    }
}
