using Clusterpact.Web.Features.Organisations.Import;
using static Clusterpact.Web.Tests.Import.ImportSteps;

namespace Clusterpact.Web.Tests.Import;

[Collection(AppCollection.Name)]
public sealed class MemberImportTests(ClusterpactApp app)
{
    private static string WrongCheckDigit(string valid) => valid[..9] + (valid[9] == '0' ? '1' : '0');

    private static byte[] MessyWorkbook(int seed, string existingNumber) => TestWorkbook.Create(
    [
        [null, null, null, null, null, null],
        ["Naam", "Ondernemingsnummer", "Lid sinds", "Omzet", "Omzet", "VTE"],
        [$"Nieuw Een {seed} NV", $"BE {Number(seed)}", "01-02-2024", "1.500.000", null, "8"],
        [null, null, null, null, null, null],
        [$"Nieuw Twee {seed} BV", Number(seed + 1)[1..], "2024-03-01", 25000000.0, null, 120.0],
        [$"Fout {seed} BV", WrongCheckDigit(Number(seed + 2)), "01-01-2024", null, null, null],
        [$"Dubbel {seed} BV", Number(seed), "01-01-2024", null, null, null],
        ["Bestaand lid", existingNumber, null, "12 000,50", null, "3"],
        [$"Tekst {seed} BV", Number(seed + 3), "gisteren", null, null, null],
    ], "D2:E2");

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid clusterId, byte[] file, string fileName) =>
        client.UploadAsync("/Organisations/Import", clusterId, file, fileName, new Dictionary<string, string> { ["Input.DefaultMemberSince"] = "2026-01-01", ["Input.FiguresYear"] = "2025" });

    /// <summary>The upload comes back as the form (200) with <paramref name="reason"/> on it.</summary>
    private static async Task UploadIsRefusedAsync(HttpClient client, Guid clusterId, byte[] file, string fileName, string reason)
    {
        var response = await UploadAsync(client, clusterId, file, fileName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, (await response.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_messy_file_rejects_exactly_the_bad_rows_and_the_commit_writes_all_good_rows()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var existing = await app.WithDbAsync(db => db.Organisations.AsNoTracking()
            .Where(o => o.EnterpriseNumber != null && db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti)).FirstAsync());
        var seed = Random.Shared.Next(10_000, 900_000);

        var upload = await UploadAsync(manager, catalisti, MessyWorkbook(seed, existing.EnterpriseNumber!), "leden.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var sessionUrl = upload.Headers.Location!.OriginalString;

        var preview = await manager.GetDocumentAsync(sessionUrl);
        var counts = preview.QuerySelector("[data-testid=import-counts]")!.TextContent;
        Assert.Matches(@"2\s*Nieuw", counts);
        Assert.Matches(@"1\s*Bijgewerkt", counts);
        Assert.Matches(@"3\s*Geweigerd", counts);
        Assert.Matches(@"1\s*Lege rij", counts);
        var rejected = preview.QuerySelectorAll("[data-testid=rows-table] tbody tr[data-status=Rejected]").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rejected.Count);
        Assert.Contains(rejected, r => r.Contains('6') && r.Contains("controlegetal", StringComparison.Ordinal));
        Assert.Contains(rejected, r => r.Contains('7') && r.Contains("staat al op rij 3", StringComparison.Ordinal));
        Assert.Contains(rejected, r => r.Contains('9') && r.Contains("gisteren", StringComparison.Ordinal));

        // Nothing is written before the person confirms.
        Assert.False(await app.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name.Contains(seed.ToString()))));
        var commit = await manager.CommitAsync(sessionUrl);
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        var (session, job) = await app.WaitForCommitAsync(manager, sessionUrl);
        Assert.Equal((ImportSessionStatus.Committed, JobStatus.Succeeded, 1.0), (session.Status, job.Status, job.Progress));
        Assert.Equal((2, 1, 3, 1), (session.Accepted, session.Updated, session.Rejected, session.Skipped));

        var written = await app.WithDbAsync(db => db.Organisations.AsNoTracking().Where(o => o.Name.Contains(seed.ToString())).ToListAsync());
        Assert.Equal([$"Nieuw Een {seed} NV", $"Nieuw Twee {seed} BV"], written.Select(o => o.Name).Order());
        var big = written.Single(o => o.Name.StartsWith("Nieuw Twee", StringComparison.Ordinal));
        Assert.Equal(SizeClass.Medium, big.SizeClass); // 120 FTE, 25 million turnover
        Assert.Equal(SizeClass.Micro, written.Single(o => o.Name.StartsWith("Nieuw Een", StringComparison.Ordinal)).SizeClass);
        var memberships = await app.WithDbAsync(db => db.Memberships.AsNoTracking().Where(m => written.Select(o => o.Id).Contains(m.OrganisationId)).ToListAsync());
        Assert.All(memberships, m => Assert.Equal(catalisti, m.ClusterId));
        Assert.Contains(memberships, m => m.From == new DateOnly(2024, 2, 1));

        var updated = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == existing.Id));
        Assert.Equal("Bestaand lid", updated.Name);
        Assert.Contains(updated.Figures, f => f.Year == 2025 && f.TurnoverEur == 12000.50m);

        var page = await manager.GetStringAsync(sessionUrl);
        Assert.Contains("Import voltooid: 2 nieuw, 1 bijgewerkt, 3 geweigerd", page, StringComparison.Ordinal);
        // The import is audited like any other change, under the manager's name.
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Organisation" && a.EntityId == big.Id.ToString() && a.UserName == Emails.CatalistiManager)));
    }

    [Fact]
    public async Task When_the_commit_fails_halfway_nothing_is_written()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var seed = Random.Shared.Next(10_000, 900_000);
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Admin).Select(u => u.Id).SingleAsync());
        var path = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        var lines = new List<string> { "Naam;Ondernemingsnummer" };
        lines.AddRange(Enumerable.Range(0, 10).Select(i => $"Halfweg {seed}-{i} BV;{Number(seed + 10 * i)}"));
        await File.WriteAllLinesAsync(path, lines);
        var session = new ImportSession
        {
            CreatedBy = adminId, CreatedAt = app.Clock.GetUtcNow(), ClusterId = catalisti, FileName = "halfweg.csv", Format = TabularFormat.Csv,
            StoredPath = path, DefaultMemberSince = new DateOnly(2026, 1, 1), FiguresYear = 2025, Status = ImportSessionStatus.Committing,
            Mapping = System.Text.Json.JsonSerializer.Serialize(new Dictionary<int, MemberField> { [0] = MemberField.Name, [1] = MemberField.EnterpriseNumber }),
        };
        await app.WithDbAsync(async db => { db.ImportSessions.Add(session); await db.SaveChangesAsync(); return 0; });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithScopeAsync(async sp =>
        {
            var kind = sp.GetRequiredService<MemberImportKind>();
            kind.BatchSize = 3;
            return await kind.CommitAsync(session, new Progress(failAt: 2), default);
        }));
        Assert.Equal("disk full", failure.Message);
        Assert.False(await app.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name.StartsWith($"Halfweg {seed}-"))));
        // Nor is a report of a commit kept for a commit that did not happen.
        Assert.False(File.Exists(MemberImportKind.ReportPathOf(session)));
        File.Delete(path);
    }

    [Fact]
    public async Task Only_xlsx_and_csv_are_accepted_and_a_fake_xlsx_is_explained()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var flux = await app.ClusterIdAsync("Flux50");
        await UploadIsRefusedAsync(officer, flux, "%PDF-1.4"u8.ToArray(), "leden.pdf", "Alleen Excel (.xlsx) en CSV");
        await UploadIsRefusedAsync(officer, flux, "Naam;KBO\nX;0403170701"u8.ToArray(), "leden.xlsx", "geen geldig Excel-bestand");
    }

    [Fact]
    public async Task A_cluster_manager_cannot_import_into_another_cluster_nor_see_another_persons_import()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var flux = await app.ClusterIdAsync("Flux50");
        // Another cluster, even by its id, is no cluster to the manager (the form's cluster field chooses among their own).
        await UploadIsRefusedAsync(manager, flux, "Naam;KBO\nX;0403170701"u8.ToArray(), "leden.csv", $"Geen cluster heet of bevat „{flux}”.");

        var officer = await app.SignedInAsync(Emails.Officer);
        var upload = await UploadAsync(officer, flux, "Naam;KBO\nX;0403170701"u8.ToArray(), "leden.csv");
        var url = upload.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(url)).StatusCode);
        var fluxManager = await app.SignedInAsync(Emails.Flux50Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await fluxManager.GetAsync(url)).StatusCode);
        var reader = await app.SignedInAsync(Emails.Reader);
        Assert.Equal(HttpStatusCode.Redirect, (await reader.GetAsync("/Organisations/Import")).StatusCode);
    }
}
