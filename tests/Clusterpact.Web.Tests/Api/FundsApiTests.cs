using static Clusterpact.Web.Tests.Api.AreaApiTests;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// Earmarked envelopes through the API (issue 21), by the funds pages' use cases: opened and resized by agency staff with
/// the ETag read (412 when stale, nothing changes), refused with the rule's translated reason, without the write scope, for a
/// manager (403 on their own cluster's, 404 on another's).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FundsApiTests(ClusterpactApp app)
{
    private Task<FundEnvelope> StoredAsync(Guid id) => app.WithDbAsync(db => db.FundEnvelopes.AsNoTracking().SingleAsync(e => e.Id == id));

    [Fact]
    public async Task The_agency_opens_and_resizes_an_envelope_with_its_key_and_managers_only_read_their_own()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var agency = await app.AgencyKeyAsync("Enveloppes", "projects:write");
        var opened = await agency.PostAsJsonAsync("/api/v1/funds", new { kind = "ClusterEarmarked", clusterId = catalisti, year = 2044, amount = 1_000_000m });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("envelope").GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/funds/{id}", opened.Headers.Location?.OriginalString);
        Assert.Contains(await app.AuditedByAsync(nameof(FundEnvelope), id), n => n.StartsWith("API-client Enveloppes (of user ", StringComparison.Ordinal));

        // The rules refuse a second one for that year and one for a cluster that is not a spearhead cluster, with their reasons.
        var twice = await ProblemAsync(await agency.PostAsJsonAsync("/api/v1/funds", new { kind = "ClusterEarmarked", clusterId = catalisti, year = 2044, amount = 5m }), HttpStatusCode.BadRequest);
        Assert.Equal("Envelope.Exists", twice.GetProperty("code").GetString());
        var network = await app.WithDbAsync(db => db.Clusters.Where(c => c.Type != ClusterType.SpearheadCluster).Select(c => c.Id).FirstAsync());
        var notSpearhead = await ProblemAsync(await agency.PostAsJsonAsync("/api/v1/funds", new { kind = "ClusterEarmarked", clusterId = network, year = 2044, amount = 5m }),
            HttpStatusCode.BadRequest);
        Assert.Equal("Alleen speerpuntclusters krijgen geoormerkte middelen.", notSpearhead.GetProperty("detail").GetString());

        var url = $"/api/v1/funds/{id}";
        var etag = opened.Headers.ETag!.Tag;
        var resized = await agency.SendAsync(Send(HttpMethod.Post, url + "/resize", etag, new { amount = 1_500_000m, note = "Begrotingsaanpassing (API)" }));
        Assert.Equal(HttpStatusCode.OK, resized.StatusCode);
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/resize", etag, new { amount = 2_000_000m })), HttpStatusCode.PreconditionFailed);
        Assert.Equal(1_500_000m, (await StoredAsync(id)).Amount);
        Assert.Equal(resized.Headers.ETag!.Tag, (await agency.GetAsync(url)).Headers.ETag!.Tag);
        Assert.Contains(await AllPagesAsync(agency, $"/api/v1/funds?year=2044&cluster={catalisti}&limit=1"), e => IdOf(e) == id);
        var year = await agency.GetFromJsonAsync<JsonElement>("/api/v1/funds/years/2044");
        Assert.Contains(year.GetProperty("envelopes").EnumerateArray(), e => IdOf(e) == id);

        // A read-only key, a reader and the cluster's own manager may not resize it (403); another cluster's manager does not see it (404).
        var readOnly = await app.AgencyKeyAsync("Enveloppes lezen", "projects:read");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.SendAsync(Send(HttpMethod.Post, url + "/resize", resized.Headers.ETag.Tag, new { amount = 1m }))).StatusCode);
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendAsync(Send(HttpMethod.Post, url + "/resize", resized.Headers.ETag.Tag, new { amount = 1m }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(Emails.Reader)).PostAsJsonAsync("/api/v1/funds",
            new { kind = "ClusterEarmarked", clusterId = catalisti, year = 2045, amount = 5m })).StatusCode);
        var other = await app.SignedInAsync(Emails.Flux50Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendAsync(Send(HttpMethod.Post, url + "/resize", resized.Headers.ETag.Tag, new { amount = 1m }))).StatusCode);
        Assert.Equal(1_500_000m, (await StoredAsync(id)).Amount);
    }
}
