using static Clusterpact.Web.Tests.Api.AreaApiTests;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// A cluster's KPI targets through the API (issue 21), through the KPI page's use case: made only when there is none
/// (If-None-Match: *), changed with the ETag read and a reason, refused without the write scope, for a manager, for
/// another cluster's manager (404), with a stale version (412, nothing changes) and with the rule's translated reason.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class KpiTargetApiTests(ClusterpactApp app)
{
    private Task<KpiTarget?> StoredAsync(Guid cluster, int year) =>
        app.WithDbAsync(db => db.KpiTargets.AsNoTracking().SingleOrDefaultAsync(t => t.ClusterId == cluster && t.KpiCode == KpiCatalogue.NewMembers && t.Year == year));

    [Fact]
    public async Task The_agency_sets_and_changes_a_target_with_its_key_and_a_stale_version_changes_nothing()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var agency = await app.AgencyKeyAsync("KPI-doelen", "kpis:write");
        var url = $"/api/v1/clusters/{catalisti}/kpi-targets/{KpiCatalogue.NewMembers}/2041";

        // Neither If-Match nor If-None-Match: the client must say whether it makes or changes one.
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Put, url, null, new { baseline = 10m, target = 12m })), HttpStatusCode.PreconditionRequired);
        Assert.Null(await StoredAsync(catalisti, 2041));

        var created = await agency.SendAsync(ApiAreaClients.IfNoneExists(HttpMethod.Put, url, new { baseline = 10m, target = 12m }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(url, created.Headers.Location?.OriginalString);
        var stored = (await StoredAsync(catalisti, 2041))!;
        Assert.Equal(12m, stored.Target);
        Assert.Equal($"\"{stored.Version}\"", created.Headers.ETag!.Tag);
        Assert.Contains(await app.AuditedByAsync(nameof(KpiTarget), stored.Id), n => n.StartsWith("API-client KPI-doelen (of user ", StringComparison.Ordinal));

        // Made meanwhile by someone else: a second "only if none" is stale, and the first stays.
        await ProblemAsync(await agency.SendAsync(ApiAreaClients.IfNoneExists(HttpMethod.Put, url, new { target = 99m })), HttpStatusCode.PreconditionFailed);
        var etag = created.Headers.ETag.Tag;

        // A change needs a reason and a value in the KPI's range: the rule's reason in the caller's language, nothing changes.
        var noReason = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Put, url, etag, new { target = 15m })), HttpStatusCode.BadRequest);
        Assert.Equal("Kpi.ReasonRequired", noReason.GetProperty("code").GetString());
        Assert.Equal("Geef de reden van de wijziging.", noReason.GetProperty("detail").GetString());
        var negative = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Put, url, etag, new { target = -1m, reason = "Fout" })), HttpStatusCode.BadRequest);
        Assert.Equal("Kpi.OutOfRange", negative.GetProperty("code").GetString());
        Assert.Equal(12m, (await StoredAsync(catalisti, 2041))!.Target);

        var changed = await agency.SendAsync(Send(HttpMethod.Put, url, etag, new { target = 15m, reason = "Fusie van twee leden" }));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Put, url, etag, new { target = 20m, reason = "Te laat gelezen" })), HttpStatusCode.PreconditionFailed);
        stored = (await StoredAsync(catalisti, 2041))!;
        Assert.Equal(15m, stored.Target);
        Assert.Equal(["", "Fusie van twee leden"], stored.Changes.Select(c => c.Reason));

        // The read answers the ETag the change needs; the list has it for that year.
        var read = await agency.GetAsync(url);
        Assert.Equal(changed.Headers.ETag.Tag, read.Headers.ETag!.Tag);
        var year = await AllPagesAsync(agency, $"/api/v1/clusters/{catalisti}/kpi-targets?year=2041&limit=1");
        Assert.Equal(stored.Id, IdOf(Assert.Single(year)));
    }

    [Fact]
    public async Task Only_agency_staff_with_the_write_scope_set_targets_and_another_clusters_manager_sees_none()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var url = $"/api/v1/clusters/{catalisti}/kpi-targets/{KpiCatalogue.NewMembers}/2042";
        var body = new { target = 5m };

        var readOnly = await app.AgencyKeyAsync("KPI-doelen lezen", "kpis:read");
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync($"/api/v1/clusters/{catalisti}/kpi-targets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.SendAsync(ApiAreaClients.IfNoneExists(HttpMethod.Put, url, body))).StatusCode);

        // The cluster's own manager reads its targets but sets none (the page's rule); another cluster's manager does not see the cluster.
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/clusters/{catalisti}/kpi-targets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendAsync(ApiAreaClients.IfNoneExists(HttpMethod.Put, url, body))).StatusCode);
        var other = await app.SignedInAsync(Emails.Flux50Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/clusters/{catalisti}/kpi-targets")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendAsync(ApiAreaClients.IfNoneExists(HttpMethod.Put, url, body))).StatusCode);
        Assert.Null(await StoredAsync(catalisti, 2042));
    }

    /// <summary>A year outside 2000-2100 is refused with the target's own reason (it answered an annual report's before).</summary>
    [Fact]
    public async Task A_target_for_a_year_out_of_range_is_refused_with_its_own_reason()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var agency = await app.AgencyKeyAsync("KPI-doelen jaar", "kpis:write");
        var refused = await ProblemAsync(await agency.SendAsync(ApiAreaClients.IfNoneExists(HttpMethod.Put,
            $"/api/v1/clusters/{catalisti}/kpi-targets/{KpiCatalogue.NewMembers}/1999", new { target = 5m })), HttpStatusCode.BadRequest);
        Assert.Equal("Kpi.TargetYearRange", refused.GetProperty("code").GetString());
        Assert.Equal("Een doel geldt voor een jaar van 2000 tot en met 2100.", refused.GetProperty("detail").GetString());
        Assert.Null(await StoredAsync(catalisti, 1999));
    }
}
