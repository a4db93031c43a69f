using static Clusterpact.Web.Tests.Api.AreaApiTests;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// The rest of an agreement's and a pact's life through the API (issue 21), through the budget and pact pages' use cases:
/// a working year's lapse decided and a payment requested with an agency key, a pact reviewed and a commitment taken out
/// of its draft; refused without the write scope, for a role the pages refuse, with a stale If-Match (nothing changes),
/// for a record that is not the caller's (404) and with the rule's translated reason.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AgreementLifecycleApiTests(ClusterpactApp app)
{
    private static async Task<(Guid Id, string ETag)> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (IdOf(await response.Content.ReadFromJsonAsync<JsonElement>()), response.Headers.ETag!.Tag);
    }

    private Task<AgreementYear> StoredYearAsync(Guid id) => app.WithDbAsync(db => db.AgreementYears.AsNoTracking().SingleAsync(y => y.Id == id));

    [Fact]
    public async Task The_agency_decides_a_lapse_and_requests_a_payment_with_its_key_as_the_budget_page_does()
    {
        var cluster = await AgreementApiTests.OwnClusterAsync(app, "API-verval " + Guid.NewGuid().ToString("N")[..8]);
        var agency = await MachineClientPages.AgencyKeyAsync(app, "Begroting", "agreements:write", "payments:write");
        var (agreement, _) = await CreatedAsync(await agency.PostAsJsonAsync("/api/v1/agreements",
            new { clusterId = cluster, start = "2022-01-01", end = "2024-12-31", decisionReference = "BVR-API-VERVAL" }));
        async Task<(Guid Id, string ETag)> YearAsync(string start) => await CreatedAsync(await agency.PostAsJsonAsync("/api/v1/working-years", new
        {
            agreementId = agreement, yearStart = start, grantedAid = 150_000m, plannedCofinancing = 150_000m, animationCosts = 100_000m, marketingCosts = 100_000m,
            facilityCosts = 50_000m, trainingCosts = 50_000m,
        }));
        // 2022: no cofinancing ever paid (late); 2023: the whole deposit paid in its first month (not late).
        var (late, lateTag) = await YearAsync("2022-01-01");
        var (paid, paidTag) = await YearAsync("2023-01-01");
        var recorded = await agency.SendAsync(Send(HttpMethod.Post, $"/api/v1/working-years/{paid}/cofinancing", paidTag, new { paidOn = "2023-01-20", amount = 150_000m }));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);

        var note = new { note = "Geen 80% van de cofinanciering gestort binnen 3 maanden (API)." };
        var notLate = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, $"/api/v1/working-years/{paid}/lapse", recorded.Headers.ETag!.Tag, note)),
            HttpStatusCode.BadRequest);
        Assert.Equal("Cofinancing.NotLate", notLate.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(notLate.GetProperty("detail").GetString()));
        Assert.NotEqual("Cofinancing.NotLate", notLate.GetProperty("detail").GetString());

        // Refused to a key without the write scope and to a manager (the agency's decision); stale If-Match: 412; unknown year: 404. Nothing lapses.
        var url = $"/api/v1/working-years/{late}/lapse";
        var readOnly = await MachineClientPages.AgencyKeyAsync(app, "Begroting lezen", "agreements:read", "payments:read");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.SendAsync(Send(HttpMethod.Post, url, lateTag, note))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Emails.CatalistiManager)).SendAsync(Send(HttpMethod.Post, url, lateTag, note))).StatusCode);
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url, "\"999\"", note)), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.SendAsync(Send(HttpMethod.Post, $"/api/v1/working-years/{Guid.CreateVersion7()}/lapse", lateTag, note))).StatusCode);
        Assert.False((await StoredYearAsync(late)).LapseDecided);

        var lapsed = await agency.SendAsync(Send(HttpMethod.Post, url, lateTag, note));
        Assert.Equal(HttpStatusCode.OK, lapsed.StatusCode);
        var stored = await StoredYearAsync(late);
        Assert.True(stored.LapseDecided);
        Assert.Equal($"\"{stored.Version}\"", lapsed.Headers.ETag!.Tag);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AgreementYear) && a.EntityId == late.ToString()
            && a.UserName.StartsWith("API-client Begroting (of user "))));

        // A tranche of the paid year: created where it is read, audited as the key; past the granted aid it is refused with the rule's reason.
        var (payment, paymentTag) = await CreatedAsync(await agency.PostAsJsonAsync("/api/v1/payments", new { workingYearId = paid, amountEur = 100_000m }));
        var payments = await app.WithDbAsync(db => db.AidPayments.AsNoTracking().Where(p => p.AgreementId == agreement).ToListAsync());
        var requested = Assert.Single(payments);
        Assert.Equal((payment, 100_000m, PaymentStatus.Requested, $"\"{requested.Version}\""), (requested.Id, requested.AmountEur, requested.Status, paymentTag));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AidPayment) && a.EntityId == payment.ToString()
            && a.UserName.StartsWith("API-client Begroting (of user "))));
        var above = await ProblemAsync(await agency.PostAsJsonAsync("/api/v1/payments", new { workingYearId = paid, amountEur = 60_000m }), HttpStatusCode.BadRequest);
        Assert.Equal("Payment.AboveGranted", above.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("/api/v1/payments", new { workingYearId = paid, amountEur = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Emails.CatalistiManager)).PostAsJsonAsync("/api/v1/payments",
            new { workingYearId = paid, amountEur = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.PostAsJsonAsync("/api/v1/payments", new { workingYearId = Guid.CreateVersion7(), amountEur = 1m })).StatusCode);
        Assert.Single(await app.WithDbAsync(db => db.AidPayments.AsNoTracking().Where(p => p.AgreementId == agreement).ToListAsync()));
    }

    [Fact]
    public async Task A_pact_is_reviewed_and_a_draft_commitment_removed_with_If_Match_by_whom_the_pact_page_allows()
    {
        // A pact is a spearhead cluster's: this one leaves again, so the spearhead clusters other tests count stay the demo's.
        var cluster = await AgreementApiTests.OwnClusterAsync(app, "API-pactherziening " + Guid.NewGuid().ToString("N")[..8], ClusterType.SpearheadCluster);
        try
        {
            var agency = await MachineClientPages.AgencyKeyAsync(app, "Pactherziening", "clusters:write");
            var url = $"/api/v1/pacts/{cluster}";
            var etag = (await agency.PostAsJsonAsync("/api/v1/pacts", new { clusterId = cluster, year = 2025, basis = "Actieplan 2025" })).Headers.ETag!.Tag;
            var committed = await agency.SendAsync(Send(HttpMethod.Post, url + "/commitments", etag,
                new { partyKind = "ClusterOrganisation", party = "API", description = "Vier matchmakingsessies", owner = "Clustermanager", due = "2025-12-31", status = "Planned" }));
            var adopted = await agency.SendAsync(Send(HttpMethod.Post, url + "/adopt", committed.Headers.ETag!.Tag));
            Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
            etag = adopted.Headers.ETag!.Tag;

            // The yearly review: refused to a key that only reads, to a reader (403) and to another cluster's manager (404); a stale ETag drafts nothing.
            var review = new { year = 2026, basis = "Actieplan 2026" };
            var readOnly = await MachineClientPages.AgencyKeyAsync(app, "Pacten lezen", "clusters:read");
            Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.SendAsync(Send(HttpMethod.Post, url + "/review", etag, review))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Emails.Reader)).SendAsync(Send(HttpMethod.Post, url + "/review", etag, review))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(Emails.Flux50Manager)).SendAsync(Send(HttpMethod.Post, url + "/review", etag, review))).StatusCode);
            await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/review", committed.Headers.ETag!.Tag, review)), HttpStatusCode.PreconditionFailed);
            Assert.Single((await app.WithDbAsync(db => db.ClusterPacts.AsNoTracking().SingleAsync(p => p.ClusterId == cluster))).Versions);

            var reviewed = await agency.SendAsync(Send(HttpMethod.Post, url + "/review", etag, review));
            Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
            var again = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/review", reviewed.Headers.ETag!.Tag, review)), HttpStatusCode.BadRequest);
            Assert.Equal("Pact.DraftExists", again.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(again.GetProperty("detail").GetString()));
            Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Clusterpact.Domain.Pacts.ClusterPact) && a.UserName.StartsWith("API-client Pactherziening (of user "))));

            // The draft carries the adopted version's commitment on; it is taken out of the draft, the adopted one keeps it.
            var pact = await (await agency.GetAsync(url)).Content.ReadFromJsonAsync<JsonElement>();
            var draft = pact.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("number").GetInt32() == 2);
            var key = draft.GetProperty("commitments").EnumerateArray().Single().GetProperty("key").GetGuid();
            var unknown = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, $"{url}/commitments/{Guid.CreateVersion7()}/remove", reviewed.Headers.ETag!.Tag)),
                HttpStatusCode.BadRequest);
            Assert.Equal("Pact.CommitmentUnknown", unknown.GetProperty("code").GetString());
            await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, $"{url}/commitments/{key}/remove", etag)), HttpStatusCode.PreconditionFailed);
            Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.SendAsync(Send(HttpMethod.Post, $"{url}/commitments/{key}/remove", reviewed.Headers.ETag!.Tag))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await agency.SendAsync(Send(HttpMethod.Post, $"{url}/commitments/{key}/remove", reviewed.Headers.ETag!.Tag))).StatusCode);
            var stored = await app.WithDbAsync(db => db.ClusterPacts.AsNoTracking().SingleAsync(p => p.ClusterId == cluster));
            Assert.Empty(stored.CommitmentsOf(2));
            Assert.Single(stored.CommitmentsOf(1));
        }
        finally
        {
            await AgreementApiTests.RemoveClusterWithPactAsync(app, cluster);
        }
    }
}
