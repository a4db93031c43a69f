using Clusterpact.Domain.Integrations;
using static Clusterpact.Web.Tests.Api.AreaApiTests;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// Agreements and evaluations changed through the API (issue 21) with an agency's own key: an evaluation planned and taken
/// step by step to its decision, agreements made, extended on that evaluation and shortened, a working year planned and
/// cofinancing recorded, a pact started, drafted and adopted, each through the pages' use cases and rules; refused without the write scope, for a role the
/// pages refuse, with a stale If-Match (nothing changes) and with the rule's translated reason.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AgreementApiTests(ClusterpactApp app)
{
    /// <summary>
    /// A cluster of the test's own with no agreement yet, so no other test's records are touched; an ended ad-hoc cluster
    /// unless asked otherwise, so the lists other tests count (the spearhead clusters) stay as the demo has them.
    /// </summary>
    internal static Task<Guid> OwnClusterAsync(ClusterpactApp app, string name, ClusterType type = ClusterType.AdHocCluster) => app.WithDbAsync(async db =>
    {
        var cluster = new Cluster(name, type, "test", "test", new DateOnly(2017, 1, 1), null, ClusterStatus.Ended);
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync();
        return cluster.Id;
    });

    /// <summary>The agency's integration: a key of the administrator's with the given scopes, subscribed to the events named.</summary>
    private async Task<HttpClient> AgencyClientAsync(string name, string[] scopes, string? events = null)
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var client = await MachineClientPages.CreateAsync(admin, name, scopes);
        if (events is not null)
            await MachineClientPages.PostAsync(admin, $"/Clients/{client.Id}", $"/Clients/{client.Id}?handler=Webhook", [new("WebhookUrl", "https://hooks.example/agreements"), new("Events", events)]);
        return app.WithToken(await MachineClientPages.CreateTokenAsync(admin, client.Id, app.Today.AddDays(30)));
    }

    private Task<SupportAgreement> StoredAsync(Guid id) => app.WithDbAsync(db => db.SupportAgreements.AsNoTracking().SingleAsync(a => a.Id == id));

    private static async Task<(Guid Id, string ETag)> CreatedAsync(HttpResponseMessage response, string list)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = IdOf(await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal($"{list}/{id}", response.Headers.Location?.OriginalString);
        return (id, response.Headers.ETag!.Tag);
    }

    /// <summary>An interim evaluation of the cluster planned and taken through every step to a decision, all through the API.</summary>
    private static async Task<Guid> DecidedThroughTheApiAsync(HttpClient agency, Guid cluster, DateOnly decidedOn, string outcome)
    {
        var (id, etag) = await CreatedAsync(await agency.PostAsJsonAsync("/api/v1/evaluations",
            new { title = "Tussentijdse evaluatie (API)", kind = "Interim", scope = "Individual", clusterId = cluster }), "/api/v1/evaluations");
        var days = 30;
        foreach (var step in new[] { "start-data-collection", "convene-expert-panel", "draft-report" })
        {
            var taken = await agency.SendAsync(Send(HttpMethod.Post, $"/api/v1/evaluations/{id}/{step}", etag, new { on = decidedOn.AddDays(-days) }));
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
            (etag, days) = (taken.Headers.ETag!.Tag, days - 10);
        }
        var decided = await agency.SendAsync(Send(HttpMethod.Post, $"/api/v1/evaluations/{id}/decide", etag, new { on = decidedOn, outcome, conclusion = "Besluit (API)" }));
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        return id;
    }

    [Fact]
    public async Task The_agency_makes_extends_and_shortens_agreements_with_its_key_and_the_rules_refuse_what_they_forbid()
    {
        var cluster = await OwnClusterAsync(app, "API-overeenkomsten " + Guid.NewGuid().ToString("N")[..8]);
        var agency = await AgencyClientAsync("Overeenkomsten", ["agreements:write", "evaluations:write"], nameof(WebhookEvent.AgreementChanged));

        // A first agreement from 2017 (the 10-year limit counts from its first day), a second one in 2022.
        await CreatedAsync(await agency.PostAsJsonAsync("/api/v1/agreements",
            new { clusterId = cluster, start = "2017-01-01", end = "2019-12-31", decisionReference = "BVR-API-2016" }), "/api/v1/agreements");
        var (second, secondTag) = await CreatedAsync(await agency.PostAsJsonAsync("/api/v1/agreements",
            new { clusterId = cluster, start = "2022-01-01", end = "2024-12-31", decisionReference = "BVR-API-2021" }), "/api/v1/agreements");
        Assert.Equal($"\"{(await StoredAsync(second)).Version}\"", secondTag);
        var who = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(SupportAgreement) && a.EntityId == second.ToString()).Select(a => a.UserName).FirstAsync());
        Assert.StartsWith("API-client Overeenkomsten (of user ", who, StringComparison.Ordinal);

        // The funding rules refuse an overlap, with the reason in the caller's language and its code.
        var overlap = await ProblemAsync(await agency.PostAsJsonAsync("/api/v1/agreements",
            new { clusterId = cluster, start = "2024-01-01", end = "2025-12-31", decisionReference = "BVR-X" }), HttpStatusCode.BadRequest);
        Assert.Equal("Agreement.Overlaps", overlap.GetProperty("code").GetString());
        Assert.Contains("overlapt", overlap.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // An extension rests on a decided interim evaluation of the cluster: none named, nothing changes.
        var url = $"/api/v1/agreements/{second}";
        var noEvaluation = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/extend", secondTag,
            new { end = "2026-12-31", evaluationId = Guid.CreateVersion7(), decisionReference = "BVR-API-2024" })), HttpStatusCode.BadRequest);
        Assert.Equal("Agreement.EvaluationRequired", noEvaluation.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(noEvaluation.GetProperty("detail").GetString()));

        // With a positive one, but past the 10-year limit (31-12-2026): the rule's reason, nothing changes.
        var evaluation = await DecidedThroughTheApiAsync(agency, cluster, new DateOnly(2024, 5, 15), "Extend");
        var tooLate = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/extend", secondTag,
            new { end = "2027-12-31", evaluationId = evaluation, decisionReference = "BVR-API-2024" })), HttpStatusCode.BadRequest);
        Assert.Equal("Agreement.ExceedsTenYearLimit", tooLate.GetProperty("code").GetString());
        Assert.Contains("AGVV art. 27", tooLate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single((await StoredAsync(second)).Terms);

        // A person the pages refuse is refused here: a manager and a reader may not extend (403); a key without the write scope neither.
        var extension = new { end = "2026-12-31", evaluationId = evaluation, decisionReference = "BVR-API-2024" };
        foreach (var email in new[] { Emails.CatalistiManager, Emails.Reader })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(email)).SendAsync(Send(HttpMethod.Post, url + "/extend", secondTag, extension))).StatusCode);
        var reader = await AgencyClientAsync("Overeenkomsten lezen", ["agreements:read"]);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.SendAsync(Send(HttpMethod.Post, url + "/extend", secondTag, extension))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/v1/agreements",
            new { clusterId = cluster, start = "2030-01-01", end = "2030-12-31", decisionReference = "BVR-Y" })).StatusCode);
        Assert.Single((await StoredAsync(second)).Terms);

        // Up to the last allowed day it is extended, audited as the key that did it.
        var extended = await agency.SendAsync(Send(HttpMethod.Post, url + "/extend", secondTag, extension));
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var stored = await StoredAsync(second);
        Assert.Equal([new DateOnly(2024, 12, 31), new DateOnly(2026, 12, 31)], stored.Terms.OrderBy(t => t.Start).Select(t => t.End));
        Assert.Equal($"\"{stored.Version}\"", extended.Headers.ETag!.Tag);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "AgreementTerm" && a.EntityId.StartsWith(second.ToString())
            && a.UserName.StartsWith("API-client Overeenkomsten (of user "))));
        // A system that waits for agreement changes hears of it (the outbox's delivery, sent by the dispatcher).
        var deliveries = await app.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.Event == "agreement.changed" && d.Payload.Contains(second.ToString()))
            .Select(d => d.Payload).ToListAsync());
        Assert.NotEmpty(deliveries);

        // Shortened with a reason; the same ETag again is stale (412) and the end stays where the first change put it.
        var shortened = await agency.SendAsync(Send(HttpMethod.Post, url + "/shorten", extended.Headers.ETag!.Tag, new { end = "2026-06-30", reason = "Fusie (API)" }));
        Assert.Equal(HttpStatusCode.OK, shortened.StatusCode);
        var stale = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/shorten", extended.Headers.ETag!.Tag, new { end = "2026-03-31", reason = "Nog korter" })),
            HttpStatusCode.PreconditionFailed);
        Assert.Equal("Api.PreconditionFailed", stale.GetProperty("code").GetString());
        Assert.Equal(new DateOnly(2026, 6, 30), (await StoredAsync(second)).End);
        var noReason = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/shorten", shortened.Headers.ETag!.Tag,
            new { end = "2026-03-31", reason = "" })), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task The_agency_plans_a_working_year_and_records_cofinancing_with_If_Match()
    {
        var cluster = await OwnClusterAsync(app, "API-werkjaren " + Guid.NewGuid().ToString("N")[..8]);
        var agency = await AgencyClientAsync("Werkjaren", ["agreements:write"]);
        var (agreement, _) = await CreatedAsync(await agency.PostAsJsonAsync("/api/v1/agreements",
            new { clusterId = cluster, start = "2022-01-01", end = "2024-12-31", decisionReference = "BVR-API-JAAR" }), "/api/v1/agreements");

        var year = new { agreementId = agreement, yearStart = "2022-01-01", grantedAid = 150_000m, plannedCofinancing = 150_000m, animationCosts = 100_000m, marketingCosts = 100_000m,
            facilityCosts = 50_000m, trainingCosts = 50_000m };
        var (yearId, etag) = await CreatedAsync(await agency.PostAsJsonAsync("/api/v1/working-years", year), "/api/v1/working-years");
        var again = await ProblemAsync(await agency.PostAsJsonAsync("/api/v1/working-years", year), HttpStatusCode.BadRequest);
        Assert.Equal("Budget.YearExists", again.GetProperty("code").GetString());

        var url = $"/api/v1/working-years/{yearId}/cofinancing";
        var recorded = await agency.SendAsync(Send(HttpMethod.Post, url, etag, new { paidOn = "2022-03-01", amount = 75_000m, reference = "Storting (API)" }));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url, etag, new { paidOn = "2022-03-02", amount = 1m, reference = "Dubbel" })), HttpStatusCode.PreconditionFailed);
        var before = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url, recorded.Headers.ETag!.Tag, new { paidOn = "2021-12-31", amount = 1m, reference = (string?)null })),
            HttpStatusCode.BadRequest);
        Assert.Equal("Cofinancing.BeforeYear", before.GetProperty("code").GetString());
        var stored = await app.WithDbAsync(db => db.AgreementYears.AsNoTracking().SingleAsync(y => y.Id == yearId));
        Assert.Equal(75_000m, Assert.Single(stored.CofinancingPayments).AmountEur);

        // Not the manager's cluster (404, as the budget page); a manager may not plan a year at all (403, the agency's form).
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.SendAsync(Send(HttpMethod.Post, url, recorded.Headers.ETag!.Tag, new { paidOn = "2022-04-01", amount = 5m }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/v1/working-years", year with { yearStart = "2023-01-01" })).StatusCode);
        Assert.Single((await app.WithDbAsync(db => db.AgreementYears.AsNoTracking().SingleAsync(y => y.Id == yearId))).CofinancingPayments);
    }

    [Fact]
    public async Task An_evaluations_steps_follow_its_table_and_only_the_agency_takes_them()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var agency = await AgencyClientAsync("Evaluaties", ["evaluations:write"]);
        var (id, etag) = await CreatedAsync(await agency.PostAsJsonAsync("/api/v1/evaluations",
            new { title = "Evaluatie (API-stappen)", kind = "MidTermReview", scope = "Individual", clusterId = catalisti }), "/api/v1/evaluations");
        var url = $"/api/v1/evaluations/{id}";

        // Deciding before the report is drafted: the table's refusal for that stage (409), with its reason.
        var early = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/decide", etag, new { outcome = "Extend" })), HttpStatusCode.Conflict);
        Assert.Equal("Evaluation.Step.Decide.NotAllowed", early.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(early.GetProperty("detail").GetString()));

        // The manager of the cluster reads it but takes no step of the agency's (403), another manager does not see it (404), a reader may not plan one.
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendAsync(Send(HttpMethod.Post, url + "/start-data-collection", etag))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(Emails.Flux50Manager)).SendAsync(Send(HttpMethod.Post, url + "/start-data-collection", etag))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Emails.Reader)).PostAsJsonAsync("/api/v1/evaluations",
            new { title = "Niet van de lezer", kind = "Interim", scope = "Systemic" })).StatusCode);
        var readOnly = await AgencyClientAsync("Evaluaties lezen", ["evaluations:read"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.SendAsync(Send(HttpMethod.Post, url + "/start-data-collection", etag))).StatusCode);

        var started = await agency.SendAsync(Send(HttpMethod.Post, url + "/start-data-collection", etag));
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/convene-expert-panel", etag)), HttpStatusCode.PreconditionFailed);
        var stored = await app.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(EvaluationStage.CollectingData, stored.Stage);
        Assert.Equal($"\"{stored.Version}\"", started.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task The_agency_starts_and_adopts_a_pact_that_the_cluster_drafted_with_If_Match()
    {
        // A pact is a spearhead cluster's: this one leaves again, so the spearhead clusters other tests count stay the demo's.
        var cluster = await OwnClusterAsync(app, "API-pact " + Guid.NewGuid().ToString("N")[..8], ClusterType.SpearheadCluster);
        try
        {
            var agency = await AgencyClientAsync("Pacten", ["clusters:write"]);
            var started = await agency.PostAsJsonAsync("/api/v1/pacts", new { clusterId = cluster, year = 2026, basis = "Actieplan 2026" });
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            Assert.Equal($"/api/v1/pacts/{cluster}", started.Headers.Location?.OriginalString);
            var etag = started.Headers.ETag!.Tag;
            Assert.Equal("Pact.Exists", (await ProblemAsync(await agency.PostAsJsonAsync("/api/v1/pacts", new { clusterId = cluster }), HttpStatusCode.BadRequest)).GetProperty("code").GetString());

            // A draft without a commitment is not adopted: the rule's reason; then a commitment, and the old ETag is stale.
            var url = $"/api/v1/pacts/{cluster}";
            var empty = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/adopt", etag)), HttpStatusCode.BadRequest);
            Assert.Equal("Pact.NoCommitments", empty.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(empty.GetProperty("detail").GetString()));
            var committed = await agency.SendAsync(Send(HttpMethod.Post, url + "/commitments", etag,
                new { partyKind = "ClusterOrganisation", party = "API-pact", description = "Vier matchmakingsessies", owner = "Clustermanager", due = "2026-12-31", status = "Planned" }));
            Assert.Equal(HttpStatusCode.OK, committed.StatusCode);
            await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/adopt", etag)), HttpStatusCode.PreconditionFailed);
            Assert.Null((await app.WithDbAsync(db => db.ClusterPacts.AsNoTracking().SingleAsync(p => p.ClusterId == cluster))).Versions.Single().AdoptedOn);

            // Adopting is the agency's: a manager is refused on their own cluster's pact (403) and does not see another's (404).
            var manager = await app.SignedInAsync(Emails.CatalistiManager);
            var catalisti = await app.ClusterIdAsync("Catalisti");
            var own = (await manager.GetAsync($"/api/v1/pacts/{catalisti}")).Headers.ETag!.Tag;
            Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendAsync(Send(HttpMethod.Post, $"/api/v1/pacts/{catalisti}/adopt", own))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await manager.SendAsync(Send(HttpMethod.Post, url + "/adopt", committed.Headers.ETag!.Tag))).StatusCode);

            var adopted = await agency.SendAsync(Send(HttpMethod.Post, url + "/adopt", committed.Headers.ETag!.Tag));
            Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
            Assert.Equal(app.Today, (await app.WithDbAsync(db => db.ClusterPacts.AsNoTracking().SingleAsync(p => p.ClusterId == cluster))).Versions.Single().AdoptedOn);
        }
        finally
        {
            await RemoveClusterWithPactAsync(app, cluster);
        }
    }

    /// <summary>A cluster of the test's own taken away again with its pact, so the spearhead clusters other tests count stay the demo's.</summary>
    internal static Task RemoveClusterWithPactAsync(ClusterpactApp app, Guid cluster) => app.WithDbAsync(async db =>
    {
        db.ClusterPacts.RemoveRange(db.ClusterPacts.Where(p => p.ClusterId == cluster));
        await db.SaveChangesAsync();
        return await db.Clusters.Where(c => c.Id == cluster).ExecuteDeleteAsync();
    });
}
