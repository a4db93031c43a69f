using System.Net.Http.Headers;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// The areas' API (issue 21, decision 0015) as its integrations use it: the financial system pulls approved payments
/// page by page, a CRM pushes members and KPI values with If-Match, a stale one is refused with 412 and changes nothing,
/// and each role is refused on the API what the pages refuse it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AreaApiTests(ClusterpactApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every row of a list, following the Link header's next page; the body's cursor must say the same.</summary>
    internal static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, string url)
    {
        var rows = new List<JsonElement>();
        for (var next = url; next is not null;)
        {
            var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            rows.AddRange(body.GetProperty("items").EnumerateArray());
            var cursor = body.GetProperty("next").GetString();
            var link = response.Headers.TryGetValues("Link", out var links) ? links.SingleOrDefault(l => l.EndsWith("; rel=\"next\"", StringComparison.Ordinal)) : null;
            if (cursor is null) { Assert.Null(link); next = null; continue; }
            Assert.NotNull(link);
            next = link![1..link.IndexOf('>', StringComparison.Ordinal)];
            Assert.Contains("cursor=" + cursor, next, StringComparison.Ordinal);
        }
        return rows;
    }

    internal static Guid IdOf(JsonElement row) => row.GetProperty("id").GetGuid();

    internal static HttpRequestMessage Send(HttpMethod method, string url, string? etag, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A payment of a working year of the cluster that still has aid to pay, requested by the administrator (so an officer may approve it).</summary>
    private Task<Guid> RequestedPaymentAsync(string cluster) => RequestedPaymentAsync(app, cluster);

    internal static Task<Guid> RequestedPaymentAsync(ClusterpactApp app, string cluster) => app.WithDbAsync(async db =>
    {
        var admin = await db.Users.Where(u => u.Email == Emails.Admin).Select(u => u.Id).SingleAsync();
        var years = await db.AgreementYears.Where(y => db.SupportAgreements.Any(a => a.Id == y.AgreementId && db.Clusters.Any(c => c.Id == a.ClusterId && c.Name == cluster)))
            .OrderByDescending(y => y.YearStart).ToListAsync();
        foreach (var year in years)
        {
            var payments = await db.AidPayments.AsNoTracking().Where(p => p.AgreementId == year.AgreementId && p.YearIndex == year.YearIndex).ToListAsync();
            var requested = year.RequestPayment(1_000m, payments, admin, app.Today);
            if (!requested.IsSuccess) continue;
            db.AidPayments.Add(requested.Value!);
            db.Entry(year).State = EntityState.Modified;
            await db.SaveChangesAsync();
            return requested.Value!.Id;
        }
        throw new InvalidOperationException($"No working year of {cluster} with aid left to pay");
    });

    [Fact]
    public async Task An_officer_approves_a_payment_and_the_financial_reader_pulls_every_approved_one_once_across_pages()
    {
        var payment = await RequestedPaymentAsync("Catalisti");
        var officer = await app.SignedInAsync(Emails.Officer);
        var read = await officer.GetAsync($"/api/v1/payments/{payment}");
        Assert.Equal("Requested", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var approved = await officer.SendAsync(Send(HttpMethod.Post, $"/api/v1/payments/{payment}/approve", read.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(PaymentStatus.Approved, (await app.WithDbAsync(db => db.AidPayments.AsNoTracking().SingleAsync(p => p.Id == payment))).Status);

        var reader = await app.SignedInAsync(Emails.Reader);
        var pulled = await AllPagesAsync(reader, "/api/v1/payments?status=Approved&limit=1");
        var all = await app.WithDbAsync(db => db.AidPayments.Where(p => p.Status == PaymentStatus.Approved).Select(p => p.Id).ToListAsync());
        Assert.Contains(payment, pulled.Select(IdOf));
        Assert.Equal(all.Count, pulled.Count);
        Assert.Equal(all.ToHashSet(), pulled.Select(IdOf).ToHashSet());
        Assert.All(pulled, p => Assert.Equal("Approved", p.GetProperty("status").GetString()));

        // The reader reads but takes no step of the agency's (the table's actors), not even with the right ETag.
        var etag = approved.Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.SendAsync(Send(HttpMethod.Post, $"/api/v1/payments/{payment}/mark-paid", etag))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Emails.CatalistiManager)).SendAsync(Send(HttpMethod.Post, $"/api/v1/payments/{payment}/mark-paid", etag))).StatusCode);
        Assert.Equal(PaymentStatus.Approved, (await app.WithDbAsync(db => db.AidPayments.AsNoTracking().SingleAsync(p => p.Id == payment))).Status);
    }

    [Fact]
    public async Task The_person_who_requested_a_payment_cannot_approve_it()
    {
        var payment = await RequestedPaymentAsync("Flux50");
        var admin = await app.SignedInAsync(Emails.Admin);
        var etag = (await admin.GetAsync($"/api/v1/payments/{payment}")).Headers.ETag!.Tag;
        var refused = await ProblemAsync(await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/payments/{payment}/approve", etag)), HttpStatusCode.BadRequest);
        Assert.Equal("Payment.FourEyes", refused.GetProperty("code").GetString());
        Assert.Equal(PaymentStatus.Requested, (await app.WithDbAsync(db => db.AidPayments.AsNoTracking().SingleAsync(p => p.Id == payment))).Status);
    }

    [Theory]
    [InlineData("/api/v1/payments", 7)]
    [InlineData("/api/v1/agreements", 3)]
    [InlineData("/api/v1/working-years", 11)]
    [InlineData("/api/v1/reports", 5)]
    [InlineData("/api/v1/evaluations", 4)]
    public async Task Cursor_paging_visits_every_row_exactly_once(string list, int limit)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var rows = (await AllPagesAsync(officer, $"{list}?limit={limit}")).Select(IdOf).ToList();
        var whole = (await AllPagesAsync(officer, $"{list}?limit=200")).Select(IdOf).ToList();
        Assert.True(rows.Count > limit, $"{list} has too few rows to page ({rows.Count})");
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(whole, rows);
    }

    [Fact]
    public async Task A_cursor_or_limit_that_is_not_ours_is_a_400_naming_it()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var bad = await ProblemAsync(await officer.GetAsync("/api/v1/payments?cursor=not-a-cursor"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("cursor", out _));
        bad = await ProblemAsync(await officer.GetAsync("/api/v1/payments?limit=0"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task A_manager_sees_only_their_own_clusters_payments()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var rows = await AllPagesAsync(manager, "/api/v1/payments?limit=200");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(catalisti, r.GetProperty("clusterId").GetGuid()));
    }

    [Fact]
    public async Task A_stale_If_Match_gets_412_and_nothing_changes()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var flux50 = await app.ClusterIdAsync("Flux50");
        var membership = await app.WithDbAsync(db => db.Memberships.Where(m => m.ClusterId == flux50 && m.Until == null).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var url = $"/api/v1/clusters/{flux50}/members/{membership}";
        var read = await officer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag!.Tag;
        var member = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(etag, $"\"{member.GetProperty("version").GetInt64()}\"");

        var first = await officer.SendAsync(Send(HttpMethod.Put, url, etag, new { until = (string?)null, role = "BoardMember", yearlyFee = 1234.5m, contactEmail = "crm@flux50.example" }));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);

        // The same ETag again: the membership changed since, so the second change is refused and stores nothing.
        var stale = await ProblemAsync(await officer.SendAsync(Send(HttpMethod.Put, url, etag, new { until = (string?)null, role = "Member", yearlyFee = 9999m, contactEmail = (string?)null })),
            HttpStatusCode.PreconditionFailed);
        Assert.Equal("Api.PreconditionFailed", stale.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(stale.GetProperty("detail").GetString()));
        var stored = await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == membership));
        Assert.Equal((MembershipRole.BoardMember, 1234.5m, "crm@flux50.example"), (stored.Role, stored.YearlyFee!.Value, stored.ContactEmail));

        // Without If-Match a change is not even tried.
        var missing = await ProblemAsync(await officer.SendAsync(Send(HttpMethod.Put, url, null, new { until = (string?)null, role = "Member", yearlyFee = 1m, contactEmail = (string?)null })),
            (HttpStatusCode)428);
        Assert.Equal("Api.PreconditionRequired", missing.GetProperty("code").GetString());
        Assert.Equal(1234.5m, (await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == membership))).YearlyFee);
    }

    /// <summary>A Belgian enterprise number with a valid mod-97 check that no organisation has yet.</summary>
    private Task<string> NewEnterpriseNumberAsync() => NewEnterpriseNumberAsync(app);

    internal static async Task<string> NewEnterpriseNumberAsync(ClusterpactApp app)
    {
        for (var body = 9_876_543L; ; body++)
        {
            var number = $"0{body:D7}{97 - body % 97:D2}";
            if (!await app.WithDbAsync(db => db.Organisations.AnyAsync(o => o.EnterpriseNumber == number))) return number;
        }
    }

    [Fact]
    public async Task A_member_pushed_by_the_clusters_manager_is_stored_and_audited_and_others_are_refused()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var number = await NewEnterpriseNumberAsync();
        var member = new { enterpriseNumber = number, name = "CRM Push NV", kind = "Company", from = "2026-01-01", role = "Member", yearlyFee = 1500m };

        var created = await manager.PostAsJsonAsync($"/api/v1/clusters/{catalisti}/members", member);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/clusters/{catalisti}/members/{id}", created.Headers.Location?.OriginalString);
        var stored = await app.WithDbAsync(db => db.Memberships.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.ClusterId, m.YearlyFee, Number = db.Organisations.Where(o => o.Id == m.OrganisationId).Select(o => o.EnterpriseNumber).Single() }).SingleAsync());
        Assert.Equal((catalisti, 1500m, number), (stored.ClusterId, stored.YearlyFee!.Value, stored.Number));
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Membership) && a.EntityId == id.ToString()).Select(a => new { a.Action, a.UserName }).ToListAsync());
        Assert.Contains(audited, a => a.Action == Clusterpact.Web.Data.AuditAction.Created && a.UserName == Emails.CatalistiManager);

        // The same organisation again in the same period: the page's rule, with its reason and code.
        var again = await ProblemAsync(await manager.PostAsJsonAsync($"/api/v1/clusters/{catalisti}/members", member), HttpStatusCode.BadRequest);
        Assert.Equal("Members.AlreadyMember", again.GetProperty("code").GetString());

        // Another cluster is not theirs (404, as on the pages); a reader may read but not push (403).
        var flux50 = await app.ClusterIdAsync("Flux50");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/v1/clusters/{flux50}/members", member with { })).StatusCode);
        var reader = await app.SignedInAsync(Emails.Reader);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/v1/clusters/{catalisti}/members", member)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Organisations.CountAsync(o => o.EnterpriseNumber == number)));
    }

    [Fact]
    public async Task Kpi_values_written_by_the_clusters_manager_are_stored_and_audited()
    {
        var manager = await app.SignedInAsync(Emails.Flux50Manager);
        var flux50 = await app.ClusterIdAsync("Flux50");
        var year = app.Today.Year;
        var started = await manager.PostAsJsonAsync("/api/v1/reports", new { clusterId = flux50, year });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var report = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(report.GetProperty("status").GetString(), new[] { "Draft", "Returned" });

        var read = await manager.GetAsync($"/api/v1/clusters/{flux50}/kpis/{year}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag!.Tag;
        var values = new[] { new { code = KpiCatalogue.ExtraFte, value = 12m, comment = "Uit de ledenbevraging", evidence = "Bijlage 1" } };
        var written = await manager.SendAsync(Send(HttpMethod.Put, $"/api/v1/clusters/{flux50}/kpis/{year}", etag, values));
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);

        var reportId = report.GetProperty("id").GetGuid();
        var stored = await app.WithDbAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == reportId));
        Assert.Equal(12m, stored.ValueOf(KpiCatalogue.ExtraFte));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AnnualReport) && a.EntityId == reportId.ToString() && a.UserName == Emails.Flux50Manager)));
        var inReport = await (await manager.GetAsync($"/api/v1/reports/{reportId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(12m, inReport.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("code").GetString() == KpiCatalogue.ExtraFte).GetProperty("value").GetDecimal());

        // A value the form refuses is refused here with the rule's code, and nothing is saved; the old ETag is stale.
        var fresh = written.Headers.ETag!.Tag;
        var refused = await ProblemAsync(await manager.SendAsync(Send(HttpMethod.Put, $"/api/v1/clusters/{flux50}/kpis/{year}", fresh,
            new[] { new { code = KpiCatalogue.ExtraFte, value = -3m, comment = (string?)null, evidence = (string?)null } })), HttpStatusCode.BadRequest);
        Assert.Equal("Kpi.Negative", refused.GetProperty("code").GetString());
        await ProblemAsync(await manager.SendAsync(Send(HttpMethod.Put, $"/api/v1/clusters/{flux50}/kpis/{year}", etag, values)), HttpStatusCode.PreconditionFailed);
        Assert.Equal(12m, (await app.WithDbAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == reportId))).ValueOf(KpiCatalogue.ExtraFte));

        // The Catalisti manager cannot write Flux50's values (404: not their cluster).
        var other = await app.SignedInAsync(Emails.CatalistiManager);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendAsync(Send(HttpMethod.Put, $"/api/v1/clusters/{flux50}/kpis/{year}", fresh, values))).StatusCode);
    }

    [Fact]
    public async Task A_payment_step_is_refused_as_the_budget_page_refuses_it()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var paid = await app.WithDbAsync(db => db.AidPayments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Paid && db.SupportAgreements.Any(a => a.Id == p.AgreementId && a.ClusterId == catalisti)).OrderBy(p => p.Id).FirstAsync());
        var url = $"/api/v1/payments/{paid.Id}";
        var officer = await app.SignedInAsync(Emails.Officer);
        var etag = (await officer.GetAsync(url)).Headers.ETag!.Tag;

        // The table: a paid payment cannot be approved; the refusal carries the step's reason and code.
        var wrongState = await ProblemAsync(await officer.SendAsync(Send(HttpMethod.Post, url + "/approve", etag)), HttpStatusCode.Conflict);
        Assert.Equal("Payment.Step.Approve.NotAllowed", wrongState.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(wrongState.GetProperty("detail").GetString()));

        // Another cluster's payment is not found (404), and the API is not an applicant's (403).
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(Emails.Flux50Manager)).SendAsync(Send(HttpMethod.Post, url + "/approve", etag))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Emails.Applicant)).SendAsync(Send(HttpMethod.Post, url + "/approve", etag))).StatusCode);
        var after = await app.WithDbAsync(db => db.AidPayments.AsNoTracking().SingleAsync(p => p.Id == paid.Id));
        Assert.Equal((PaymentStatus.Paid, paid.Version), (after.Status, after.Version));
    }

    [Fact]
    public async Task A_report_is_submitted_returned_and_accepted_through_its_table()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var started = await manager.PostAsJsonAsync("/api/v1/reports", new { clusterId = catalisti, year = app.Today.Year });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var url = $"/api/v1/reports/{id}";

        // Submitting an empty draft is refused with the report's own rule.
        var empty = await ProblemAsync(await manager.SendAsync(Send(HttpMethod.Post, url + "/submit", started.Headers.ETag!.Tag)), HttpStatusCode.BadRequest);
        Assert.StartsWith("Report.", empty.GetProperty("code").GetString(), StringComparison.Ordinal);

        // The values through the API, the narrative as the page's form writes it.
        var values = KpiCatalogue.Reported.Select(k => new { code = k.Code, value = k.Unit == KpiUnit.Share ? 0.4m : 10m, comment = "Toelichting", evidence = (string?)null }).ToArray();
        var etag = (await manager.GetAsync($"/api/v1/clusters/{catalisti}/kpis/{app.Today.Year}")).Headers.ETag!.Tag;
        var written = await manager.SendAsync(Send(HttpMethod.Put, $"/api/v1/clusters/{catalisti}/kpis/{app.Today.Year}", etag, values));
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        await app.WithDbAsync(async db =>
        {
            var report = await db.AnnualReports.SingleAsync(r => r.Id == id);
            Assert.True(report.SetNarrative("Het jaar in het kort.").IsSuccess);
            return await db.SaveChangesAsync();
        });

        etag = (await manager.GetAsync(url)).Headers.ETag!.Tag;
        var submitted = await manager.SendAsync(Send(HttpMethod.Post, url + "/submit", etag));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        etag = submitted.Headers.ETag!.Tag;

        // Accepting is the agency's step (403 for the manager); returning needs remarks (the rule's reason and code).
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendAsync(Send(HttpMethod.Post, url + "/accept", etag))).StatusCode);
        var officer = await app.SignedInAsync(Emails.Officer);
        var noRemark = await ProblemAsync(await officer.SendAsync(Send(HttpMethod.Post, url + "/return", etag, new { remark = "" })), HttpStatusCode.BadRequest);
        Assert.Equal("Report.RemarkRequired", noRemark.GetProperty("code").GetString());
        var accepted = await officer.SendAsync(Send(HttpMethod.Post, url + "/accept", etag));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(ReportStatus.Accepted, (await app.WithDbAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Status);

        // Accepting again is the table's refusal for that state: 409 with the step's reason and code.
        var again = await ProblemAsync(await officer.SendAsync(Send(HttpMethod.Post, url + "/accept", accepted.Headers.ETag!.Tag)), HttpStatusCode.Conflict);
        Assert.Equal("Report.Step.Accept.NotAllowed", again.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_applications_steps_are_refused_by_its_table_and_change_nothing()
    {
        var submitted = await app.WithDbAsync(db => db.Applications.AsNoTracking()
            .Where(a => a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Eligible).OrderBy(a => a.Id).FirstAsync());
        var url = $"/api/v1/applications/{submitted.Id}";
        var officer = await app.SignedInAsync(Emails.Officer);
        var etag = (await officer.GetAsync(url)).Headers.ETag!.Tag;
        // The review starts only after the eligibility check (the table).
        var early = await ProblemAsync(await officer.SendAsync(Send(HttpMethod.Post, url + "/start-review", etag)), HttpStatusCode.Conflict);
        Assert.Equal("Application.Step.StartReview.NotAllowed", early.GetProperty("code").GetString());
        // Not the agency's API for the applicant who owns it, nor for a reader (the /Calls policy).
        foreach (var email in new[] { Emails.Applicant, Emails.Reader })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(email)).SendAsync(Send(HttpMethod.Post, url + "/mark-eligible", etag))).StatusCode);
        var after = await app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == submitted.Id));
        Assert.Equal((submitted.Status, submitted.Version), (after.Status, after.Version));
    }

    [Theory]
    [InlineData(Emails.Reader, "/api/v1/answer-pack", HttpStatusCode.OK)]
    [InlineData(Emails.CatalistiManager, "/api/v1/answer-pack", HttpStatusCode.Forbidden)]
    [InlineData(Emails.Reader, "/api/v1/calls", HttpStatusCode.Forbidden)]
    [InlineData(Emails.Officer, "/api/v1/calls", HttpStatusCode.OK)]
    [InlineData(Emails.Expert, "/api/v1/payments", HttpStatusCode.Forbidden)]
    [InlineData(Emails.Applicant, "/api/v1/reports", HttpStatusCode.Forbidden)]
    [InlineData(Emails.CatalistiManager, "/api/v1/surveys", HttpStatusCode.OK)]
    public async Task Each_role_is_refused_on_the_api_what_the_pages_refuse_it(string email, string url, HttpStatusCode expected)
    {
        var client = await app.SignedInAsync(email);
        Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
    }
}
