using MiniExcelLibs;

namespace Clusterpact.Web.Tests.Clusters;

[Collection(AppCollection.Name)]
public sealed class ClusterExportTests(ClusterpactApp app)
{
    [Fact]
    public async Task The_filtered_list_exports_to_excel_and_reads_back()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var response = await client.GetAsync("/Clusters?handler=Export&format=xlsx&type=SpearheadCluster&sort=Name");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Catalisti", "De Blauwe Cluster", "Flanders' FOOD", "Flux50", "MEDVIA", "SIM", "VIL"], rows.Select(r => r["Naam"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("Speerpuntcluster", r["Type"]));
        Assert.Equal(new DateTime(2026, 12, 31), Assert.IsType<DateTime>(rows.Single(r => (string?)r["Naam"] == "VIL")["Einde steun"]));
    }

    [Fact]
    public async Task The_csv_export_is_for_belgian_excel_and_a_manager_gets_only_their_cluster()
    {
        var client = await app.SignedInAsync(Emails.Flux50Manager);
        var response = await client.GetAsync("/Clusters?handler=Export&format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Naam;Type;Strategisch domein;Status;Begin steun;Einde steun;Leden", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.StartsWith("Flux50;Speerpuntcluster;energy, ICT and building;", row, StringComparison.Ordinal);
        Assert.Contains(";01-01-2017;31-12-2026;", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_is_refused_to_roles_without_cluster_access()
    {
        var expert = await app.SignedInAsync(Emails.Expert);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.GetAsync("/Clusters?handler=Export&format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/Clusters?handler=Export&format=csv")).StatusCode);
    }
}
