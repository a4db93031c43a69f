using static Clusterpact.Web.Tests.Api.AreaApiTests;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// Issue 21's acceptance, as the two integrations work with their own keys: a cluster's CRM pushes its members and KPI
/// values with a token its manager made (and reaches nothing else), the agency's financial system pulls the approved
/// payments with its own token, and a stale If-Match changes nothing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IntegrationClientsTests(ClusterpactApp app)
{
    [Fact]
    public async Task A_clusters_crm_pushes_members_and_kpi_values_with_its_own_token()
    {
        var manager = await app.SignedInAsync(Emails.Flux50Manager);
        var flux50 = await app.ClusterIdAsync("Flux50");
        var crm = await MachineClientPages.CreateAsync(manager, "Flux50 CRM", ["members:write", "kpis:write", "reports:write"], cluster: flux50);
        var token = await MachineClientPages.CreateTokenAsync(manager, crm.Id, app.Today.AddDays(90));
        var client = app.WithToken(token);

        // Members: one new, pushed; audited as the client, on behalf of the manager.
        var number = await NewEnterpriseNumberAsync(app);
        var pushed = await client.PostAsJsonAsync($"/api/v1/clusters/{flux50}/members",
            new { enterpriseNumber = number, name = "CRM Token BV", kind = "Company", from = "2026-01-01", role = "Member", yearlyFee = 900m });
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        var membership = (await pushed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var who = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Membership) && a.EntityId == membership.ToString()).Select(a => a.UserName).SingleAsync());
        Assert.StartsWith("API-client Flux50 CRM (of user ", who, StringComparison.Ordinal);
        var members = await AllPagesAsync(client, $"/api/v1/clusters/{flux50}/members?limit=200");
        Assert.Contains(membership, members.Select(IdOf));

        // KPI values of a report of its own (other tests use this year's), with If-Match; the same ETag again is stale and changes nothing.
        const int year = 2017;
        await app.WithDbAsync(async db =>
        {
            db.AnnualReports.RemoveRange(await db.AnnualReports.Where(r => r.ClusterId == flux50 && r.Year == year).ToListAsync());
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/reports", new { clusterId = flux50, year })).StatusCode);
        var read = await client.GetAsync($"/api/v1/clusters/{flux50}/kpis/{year}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag!.Tag;
        var values = new[] { new { code = KpiCatalogue.ExtraFte, value = 7m, comment = "Uit het CRM", evidence = (string?)null } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Send(HttpMethod.Put, $"/api/v1/clusters/{flux50}/kpis/{year}", etag, values))).StatusCode);
        var stale = await client.SendAsync(Send(HttpMethod.Put, $"/api/v1/clusters/{flux50}/kpis/{year}", etag,
            new[] { new { code = KpiCatalogue.ExtraFte, value = 70m, comment = "Dubbel", evidence = (string?)null } }));
        await ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        var stored = await app.WithDbAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.ClusterId == flux50 && r.Year == year));
        Assert.Equal(7m, stored.ValueOf(KpiCatalogue.ExtraFte));

        // The CRM's key opens nothing of another cluster and no other area.
        var catalisti = await app.ClusterIdAsync("Catalisti");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/clusters/{catalisti}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/payments")).StatusCode);
    }

    [Fact]
    public async Task The_financial_system_pulls_every_approved_payment_with_its_own_token_and_marks_one_paid()
    {
        var payment = await RequestedPaymentAsync(app, "Catalisti");
        var officer = await app.SignedInAsync(Emails.Officer);
        var read = await officer.GetAsync($"/api/v1/payments/{payment}");
        Assert.Equal(HttpStatusCode.OK, (await officer.SendAsync(Send(HttpMethod.Post, $"/api/v1/payments/{payment}/approve", read.Headers.ETag!.Tag))).StatusCode);

        var admin = await app.SignedInAsync(Emails.Admin);
        var finance = await MachineClientPages.CreateAsync(admin, "Financieel systeem", ["payments:write"]);
        var client = app.WithToken(await MachineClientPages.CreateTokenAsync(admin, finance.Id, app.Today.AddDays(90)));

        var pulled = await AllPagesAsync(client, "/api/v1/payments?status=Approved&limit=2");
        var approved = await app.WithDbAsync(db => db.AidPayments.Where(p => p.Status == PaymentStatus.Approved).Select(p => p.Id).ToListAsync());
        Assert.Equal(approved.Count, pulled.Count);
        Assert.Equal(approved.ToHashSet(), pulled.Select(IdOf).ToHashSet());

        // Paid: the step with the ETag read; the same ETag once more is stale.
        var current = await client.GetAsync($"/api/v1/payments/{payment}");
        var etag = current.Headers.ETag!.Tag;
        var paid = await client.SendAsync(Send(HttpMethod.Post, $"/api/v1/payments/{payment}/mark-paid", etag));
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        await ProblemAsync(await client.SendAsync(Send(HttpMethod.Post, $"/api/v1/payments/{payment}/mark-paid", etag)), HttpStatusCode.PreconditionFailed);
        Assert.Equal(PaymentStatus.Paid, (await app.WithDbAsync(db => db.AidPayments.AsNoTracking().SingleAsync(p => p.Id == payment))).Status);

        // Its key reaches no member list.
        var flux50 = await app.ClusterIdAsync("Flux50");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/clusters/{flux50}/members")).StatusCode);
    }
}
