using System.Text.Json.Nodes;
using static Clusterpact.Web.Tests.Api.AreaApiTests;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// The budget planner's scenarios through the API (issue 21), by the planner's use cases: made from the green paper's
/// defaults, changed with the ETag read (412 when stale, nothing changes), copied, compared and deleted; refused with the
/// rule's translated reason, without the write scope, for readers (no write) and cluster managers (no budget at all).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BudgetApiTests(ClusterpactApp app)
{
    private Task<SavedBudgetScenario?> StoredAsync(Guid id) => app.WithDbAsync(db => db.BudgetScenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id));

    [Fact]
    public async Task The_agency_makes_changes_copies_compares_and_deletes_a_scenario_with_its_key()
    {
        var agency = await app.AgencyKeyAsync("Begroting", "budget:write");
        var name = "API-scenario " + Guid.NewGuid().ToString("N")[..8];
        var created = await agency.PostAsJsonAsync("/api/v1/budget-scenarios", new { basis = "BasicMissionWithEarmarkedFunds", firstYear = 2027, lastYear = 2030, name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = IdOf(await created.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal($"/api/v1/budget-scenarios/{id}", created.Headers.Location?.OriginalString);
        Assert.Contains(await app.AuditedByAsync(nameof(SavedBudgetScenario), id), n => n.StartsWith("API-client Begroting (of user ", StringComparison.Ordinal));
        var url = $"/api/v1/budget-scenarios/{id}";

        // The read is the shape a change sends back; a scenario without a name is refused with the rule's reason.
        var read = await agency.GetAsync(url);
        var etag = read.Headers.ETag!.Tag;
        var body = (await read.Content.ReadFromJsonAsync<JsonObject>())!;
        body["name"] = "";
        var unnamed = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Put, url, etag, body)), HttpStatusCode.BadRequest);
        Assert.Equal("Scenario.NameRequired", unnamed.GetProperty("code").GetString());
        Assert.Equal("Het scenario heeft een naam nodig.", unnamed.GetProperty("detail").GetString());

        body["name"] = name + " bis";
        body["notes"] = "Na overleg (API)";
        var changed = await agency.SendAsync(Send(HttpMethod.Put, url, etag, body));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        body["name"] = name + " ter";
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Put, url, etag, body)), HttpStatusCode.PreconditionFailed);
        Assert.Equal(name + " bis", (await StoredAsync(id))!.Name);

        // A copy of what was read, compared with its original; the copy is deleted at its version.
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/copy", etag, new { name = name + " kopie" })), HttpStatusCode.PreconditionFailed);
        var copied = await agency.SendAsync(Send(HttpMethod.Post, url + "/copy", changed.Headers.ETag!.Tag, new { name = name + " kopie" }));
        Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
        var copy = IdOf(await copied.Content.ReadFromJsonAsync<JsonElement>());
        var compared = await agency.GetAsync($"/api/v1/budget-scenarios/compare?id={id}&id={copy}");
        Assert.Equal(HttpStatusCode.OK, compared.StatusCode);
        Assert.Equal(4, (await compared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("years").GetArrayLength());
        var one = await ProblemAsync(await agency.GetAsync($"/api/v1/budget-scenarios/compare?id={id}"), HttpStatusCode.BadRequest);
        Assert.Equal("Scenario.ComparisonNeedsTwo", one.GetProperty("code").GetString());
        Assert.Contains(await AllPagesAsync(agency, "/api/v1/budget-scenarios?limit=1"), r => IdOf(r) == copy);

        var deleted = await agency.SendAsync(Send(HttpMethod.Delete, $"/api/v1/budget-scenarios/{copy}", copied.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Null(await StoredAsync(copy));
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/api/v1/budget-scenarios/{copy}")).StatusCode);
    }

    [Fact]
    public async Task Only_agency_staff_with_the_write_scope_change_scenarios_and_managers_see_none()
    {
        var agency = await app.AgencyKeyAsync("Begroting maken", "budget:write");
        var created = await agency.PostAsJsonAsync("/api/v1/budget-scenarios", new { basis = "CommercialWithoutStructuralFunding", firstYear = 2027, lastYear = 2028, name = "API-scenario rechten" });
        var id = IdOf(await created.Content.ReadFromJsonAsync<JsonElement>());
        var url = $"/api/v1/budget-scenarios/{id}";
        var etag = created.Headers.ETag!.Tag;

        var readOnly = await app.AgencyKeyAsync("Begroting lezen", "budget:read");
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.SendAsync(Send(HttpMethod.Delete, url, etag))).StatusCode);
        var otherArea = await app.AgencyKeyAsync("Begroting met projectsleutel", "projects:write");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherArea.GetAsync(url)).StatusCode);

        var reader = await app.SignedInAsync(Emails.Reader);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.SendAsync(Send(HttpMethod.Delete, url, etag))).StatusCode);
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/budget-scenarios")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendAsync(Send(HttpMethod.Delete, url, etag))).StatusCode);
        Assert.NotNull(await StoredAsync(id));
    }
}
