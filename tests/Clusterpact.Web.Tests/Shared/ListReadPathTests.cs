using Clusterpact.Web.Tests.Kpis;

namespace Clusterpact.Web.Tests.Shared;

/// <summary>
/// Issue 18: a list page names the clusters of the rows it shows by their ids, and reads no other cluster (the project
/// list, the envelopes and the evaluations each read every cluster to name the few on the page). Checked as the
/// Catalisti manager, whose cluster filter holds one cluster, so every read of the clusters table is the names'.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ListReadPathTests(ClusterpactApp app)
{
    /// <summary>A reader counts its last Read(), the one that finds no more rows, as a read operation.</summary>
    private const int LastRead = 1;

    /// <summary>A query that reads rows of the clusters table: its first FROM is the clusters (not a subquery that scopes another table by them).</summary>
    private static bool ReadsClusters(string sql) =>
        System.Text.RegularExpressions.Regex.IsMatch(sql.Replace("\"", "", StringComparison.Ordinal), @"^\s*SELECT\b((?!\bFROM\b).)*\bFROM\s+clusters\b",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline);

    [Fact]
    public void The_check_tells_a_read_of_clusters_from_a_query_scoped_by_them()
    {
        Assert.True(ReadsClusters("SELECT \"c\".\"Id\", \"c\".\"Name\" FROM \"clusters\" AS \"c\" WHERE \"c\".\"Id\" IN (SELECT value FROM json_each(@ids))"));
        Assert.False(ReadsClusters("SELECT COUNT(*) FROM \"projects\" AS \"p\" WHERE EXISTS (SELECT 1 FROM project_clusters AS p0 WHERE p0.ClusterId IN (SELECT c.Id FROM clusters AS c))"));
    }

    /// <summary>The rows each read of the clusters table returned while the manager opened the page.</summary>
    private async Task<IReadOnlyList<int>> ClusterRowsReadAsync(string url)
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        using (app.Sql.Record())
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(url)).StatusCode);
        Assert.Empty(KpiFiguresTests.WholeTableReads(app.Sql.Commands));
        return app.Sql.Reads.Where(r => ReadsClusters(r.Sql)).Select(r => r.Rows).ToList();
    }

    [Theory]
    [InlineData("/Projects")]
    [InlineData("/Projects?year=2025&sort=Title")]
    public async Task The_project_list_reads_only_the_clusters_its_projects_name(string url)
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var (total, named) = await app.WithDbAsync(async db => (await db.Clusters.CountAsync(),
            await db.Projects.Where(p => p.Clusters.Any(c => c.ClusterId == catalisti)).SelectMany(p => p.Clusters.Select(c => c.ClusterId)).Distinct().CountAsync()));
        Assert.True(named + LastRead < total, "the manager's projects name fewer clusters than the programme has, so reading them all would show");
        var reads = await ClusterRowsReadAsync(url);
        Assert.NotEmpty(reads);
        Assert.All(reads, rows => Assert.InRange(rows, 0, named + LastRead));
    }

    [Theory]
    [InlineData("/Funds")]
    [InlineData("/Funds?year=2026")]
    [InlineData("/Evaluations")]
    public async Task The_envelopes_and_evaluations_read_only_the_managers_cluster(string url)
    {
        var total = await app.WithDbAsync(db => db.Clusters.CountAsync());
        Assert.True(total > 1 + LastRead);
        var reads = await ClusterRowsReadAsync(url);
        Assert.All(reads, rows => Assert.InRange(rows, 0, 1 + LastRead));
    }
}
