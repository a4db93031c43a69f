using Clusterpact.Web.Data.Seed;

namespace Clusterpact.Web.Tests.Clusters;

[Collection(AppCollection.Name)]
public sealed class ClusterTests(ClusterpactApp app)
{
    [Fact]
    public async Task Every_reference_cluster_is_loaded_with_its_type_and_dates()
    {
        var reference = ReferenceClusters.Load();
        var stored = await app.WithDbAsync(db => db.Clusters.AsNoTracking().ToListAsync());
        Assert.Equal(reference.Count, stored.Count(c => reference.Any(r => r.Name == c.Name)));
        foreach (var r in reference)
        {
            var c = Assert.Single(stored, s => s.Name == r.Name);
            Assert.Equal(r.Type, c.Type);
            Assert.Equal(r.Start, c.SupportStart);
            Assert.Equal(r.End, c.SupportEnd);
            Assert.Equal(r.Domain, c.StrategicDomain);
        }
        Assert.Equal(ClusterType.SpearheadCluster, stored.Single(c => c.Name == "Flux50").Type);
        Assert.Equal(new DateOnly(2026, 12, 31), stored.Single(c => c.Name == "VIL").SupportEnd);
        Assert.Equal(ClusterType.AdHocCluster, stored.Single(c => c.Name == "EdTech").Type);
    }

    [Fact]
    public async Task Embedded_reference_data_is_the_products_own_reference_file()
    {
        // The product's copy in the repository is the reference (a fresh clone has nothing beside it); the build embeds it.
        var own = Path.Combine(Account.LocalisationTests.RepoRoot(), "src", "Clusterpact.Web", "Data", "Seed", "clusters.csv");
        Assert.True(File.Exists(own), "src/Clusterpact.Web/Data/Seed/clusters.csv not found in the repository");
        var fromFile = ReferenceClusters.Parse(await File.ReadAllTextAsync(own));
        Assert.Equal(fromFile, ReferenceClusters.Load());
    }

    [Fact]
    public async Task Officer_sees_all_clusters_and_can_search_filter_sort_and_page()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters?limit=100");
        Assert.True(all.GetProperty("items").GetArrayLength() >= 29);

        var spcs = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters?type=SpearheadCluster&limit=100");
        var names = spcs.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Contains("Catalisti", names);
        Assert.DoesNotContain("B-hive", names);

        var search = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters?search=LOGIST");
        Assert.Contains("VIL", search.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));

        // On the API a missing end sorts after every date, so first when descending; the latest known end follows.
        var byEndDesc = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters?sort=supportEnd&desc=true&type=SpearheadCluster&limit=100");
        var first = byEndDesc.GetProperty("items").EnumerateArray().First(i => i.GetProperty("supportEnd").ValueKind != JsonValueKind.Null);
        Assert.Equal("2027-12-31", first.GetProperty("supportEnd").GetString());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters?sort=supportEnd&desc=true&type=SpearheadCluster&limit=2")).GetProperty("items").GetArrayLength());

        var page1 = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters?limit=10");
        var page2 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/clusters?limit=10&cursor={page1.GetProperty("next").GetString()}");
        Assert.Equal(10, page2.GetProperty("items").GetArrayLength());
        Assert.Empty(page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())
            .Intersect(page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())));
    }

    [Fact]
    public async Task Cluster_manager_sees_only_their_own_cluster()
    {
        var client = await app.SignedInAsync(Emails.CatalistiManager);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters?limit=100");
        var names = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Catalisti"], names);

        var page = await client.GetStringAsync("/Clusters");
        Assert.Contains("Catalisti", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Flux50", page, StringComparison.Ordinal);

        var flux = await app.ClusterIdAsync("Flux50");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Clusters/{flux}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Clusters/{flux}/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/clusters/{flux}")).StatusCode);
        var put = await client.PutAsJsonAsync($"/api/v1/clusters/{flux}/contact", new { version = 0, website = "https://hijack.example", contactName = "x", contactEmail = "x@y.be" });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);

        var own = await app.ClusterIdAsync("Catalisti");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Clusters/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Clusters/{own}/Edit")).StatusCode);
    }

    [Fact]
    public async Task Reader_sees_a_cluster_but_cannot_edit_it()
    {
        var client = await app.SignedInAsync(Emails.Reader);
        var id = await app.ClusterIdAsync("VIL");
        var page = await client.GetStringAsync($"/Clusters/{id}");
        Assert.DoesNotContain($"/Clusters/{id}/Edit", page, StringComparison.Ordinal);
        var edit = await client.GetAsync($"/Clusters/{id}/Edit");
        AccessAssert.Denied(edit);
        var put = await client.PutAsJsonAsync($"/api/v1/clusters/{id}/contact", new { version = 0, website = (string?)null, contactName = "x", contactEmail = (string?)null });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task Cluster_page_shows_dutch_dates_and_its_members()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var id = await app.ClusterIdAsync("Catalisti");
        var doc = await client.GetDocumentAsync($"/Clusters/{id}");
        Assert.Contains("01-01-2017", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("31-12-2026", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Speerpuntcluster", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(doc.QuerySelectorAll("[data-testid=member-table] tbody tr").Length > 10);
    }

    [Fact]
    public async Task Bad_query_values_never_give_a_server_error()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Clusters?type=Nonsense&status=42x&sort=DROP&page=-4&desc=maybe")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Clusters/not-a-guid")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Clusters/{Guid.NewGuid()}")).StatusCode);
        var api = await client.GetAsync("/api/v1/clusters?limit=abc");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var unknownPage = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, unknownPage.StatusCode);
        Assert.Contains("Pagina niet gevonden", await unknownPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
