using Clusterpact.Web.Features.Projects.Import;

namespace Clusterpact.Web.Tests.Import;

/// <summary>The project list as a kind of the import framework: the same upload, mapping, report, background commit and rights as members.</summary>
[Collection(AppCollection.Name)]
public sealed class ProjectImportTests(ClusterpactApp app)
{
    private Task<string> CompanyOfAsync(string cluster, int skip) => app.WithDbAsync(async db =>
    {
        var id = await db.Clusters.Where(c => c.Name == cluster).Select(c => c.Id).SingleAsync();
        return (await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Company && o.EnterpriseNumber != null && db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == id))
            .OrderBy(o => o.EnterpriseNumber).Skip(skip).Select(o => o.EnterpriseNumber!).FirstAsync());
    });

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid clusterId, string csv) =>
        client.UploadAsync("/Projects/Import", clusterId, System.Text.Encoding.UTF8.GetBytes(csv), "projecten.csv");

    private async Task<string> ListAsync(string reference)
    {
        var (lead, partner) = (await CompanyOfAsync("Catalisti", 3), await CompanyOfAsync("Catalisti", 4));
        return $"""
            Referentie;Titel;Soort;Thema;Startdatum;Einddatum;TRL start;TRL doel;Totaal budget (EUR);Steun (EUR);Trekker;Partners
            {reference}-1;Geïmporteerd project A;samenwerkingsproject;circulaire economie;01-03-2037;28-02-2039;3;6;1.200.000;600.000;{lead};{partner}
            {reference}-2;Geïmporteerd project B;europees;energietransitie;01-04-2037;31-03-2040;4;7;2.000.000;900.000;{lead};
            {reference}-3;;samenwerkingsproject;;31-02-2037;01-01-2038;12;3;-5;;0403170702;
            """;
    }

    private Task<List<Project>> ImportedAsync(string reference) =>
        app.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.ExternalReference!.StartsWith(reference)).OrderBy(p => p.ExternalReference).ToListAsync());

    [Fact]
    public async Task A_project_list_imports_all_good_rows_in_the_background_with_a_report_and_a_second_import_updates_them()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var reference = $"IMP-{Random.Shared.Next(100_000, 999_999)}";
        var csv = await ListAsync(reference);
        var upload = await UploadAsync(manager, catalisti, csv);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var url = upload.Headers.Location!.OriginalString;

        var preview = await manager.GetDocumentAsync(url);
        // "Totaal budget (EUR)" and "Steun (EUR)" map by themselves; the person can still change the mapping.
        Assert.Equal("TotalBudget", preview.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name='Map[8]']")!.Value);
        Assert.Equal("Aid", preview.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name='Map[9]']")!.Value);
        var rows = preview.QuerySelectorAll("[data-testid=rows-table] tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        // The wrong row comes first and is named by its row number in the file (the header is row 1).
        Assert.Equal(("Rejected", "4"), (rows[0].GetAttribute("data-status"), rows[0].QuerySelector("td")!.TextContent));
        Assert.Contains("De titel ontbreekt", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Het TRL ligt tussen 1 en 9", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(await ImportedAsync(reference));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.CommitAsync(url)).StatusCode);
        var (session, job) = await app.WaitForCommitAsync(manager, url);
        Assert.Equal((ImportSessionStatus.Committed, ImportKind.Projects, 2, 1), (session.Status, session.Kind, session.Accepted, session.Rejected));
        Assert.Equal((JobStatus.Succeeded, 1.0), (job.Status, job.Progress));
        var imported = await ImportedAsync(reference);
        Assert.Equal(2, imported.Count);
        Assert.All(imported, p => Assert.Equal(ProjectStatus.Proposed, p.Status));
        Assert.Equal((ProjectType.Collaboration, 2, 600_000m), (imported[0].Type, imported[0].Partners.Count, imported[0].Aid));
        Assert.Equal(ProjectType.European, imported[1].Type);
        Assert.Contains("Import voltooid: 2 nieuw, 0 bijgewerkt, 1 geweigerd", (await manager.GetDocumentAsync(url)).QuerySelector("[data-testid=import-result]")!.TextContent, StringComparison.Ordinal);

        // The same list again, with a corrected title: the proposals are updated, not duplicated.
        var again = await UploadAsync(manager, catalisti, csv.Replace("Geïmporteerd project A", "Project A herzien", StringComparison.Ordinal));
        var secondUrl = again.Headers.Location!.OriginalString;
        Assert.Contains("Bijgewerkt", (await manager.GetDocumentAsync(secondUrl)).QuerySelector("[data-testid=rows-table]")!.TextContent, StringComparison.Ordinal);
        await manager.CommitAsync(secondUrl);
        await app.WaitForCommitAsync(manager, secondUrl);
        Assert.Equal(["Project A herzien", "Geïmporteerd project B"], (await ImportedAsync(reference)).Select(p => p.Title));
    }

    [Fact]
    public async Task A_column_the_header_does_not_name_is_mapped_by_hand_and_a_missing_one_is_explained()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var reference = $"MAP-{Random.Shared.Next(100_000, 999_999)}";
        var csv = (await ListAsync(reference)).Replace("Trekker", "Wie trekt", StringComparison.Ordinal);
        var url = (await UploadAsync(manager, catalisti, csv)).Headers.Location!.OriginalString;
        var preview = await manager.GetDocumentAsync(url);
        Assert.Contains("Koppel een kolom aan 'Trekker'.", preview.QuerySelector("[data-testid=mapping-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("[data-testid=rows-table]"));

        // Keep every suggested column, add the lead.
        var map = preview.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlSelectElement>("[data-testid=mapping-table] select").ToDictionary(s => s.Name!, s => s.Value ?? "");
        map["Map[10]"] = "Lead";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(url, map, f => f.GetAttribute("action")?.Contains("handler=Mapping", StringComparison.Ordinal) == true)).StatusCode);
        var counts = (await manager.GetDocumentAsync(url)).QuerySelector("[data-testid=import-counts]")!.TextContent;
        Assert.Matches(@"2\s*Nieuw", counts);
        Assert.Matches(@"1\s*Geweigerd", counts);
    }

    [Fact]
    public async Task When_one_row_cannot_be_written_no_project_of_the_list_is_written()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var reference = $"ROLL-{Random.Shared.Next(100_000, 999_999)}";
        var url = (await UploadAsync(manager, catalisti, await ListAsync(reference))).Headers.Location!.OriginalString;
        var session = await app.WithDbAsync(db => db.ImportSessions.AsNoTracking().SingleAsync(s => s.Id == ImportSteps.SessionId(url)));

        var progress = new ImportSteps.Progress(failAt: 2);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithScopeAsync(async sp =>
        {
            var kind = sp.GetRequiredService<ProjectImportKind>();
            kind.BatchSize = 1; // the first project is saved, the second fails: the first must go too
            return await kind.CommitAsync(session, progress, default);
        }));
        Assert.Equal([0.5, 1.0], progress.Reported);
        Assert.Empty(await ImportedAsync(reference));
        Assert.Equal(ImportSessionStatus.Uploaded, await app.WithDbAsync(db => db.ImportSessions.Where(s => s.Id == session.Id).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task While_the_commit_runs_the_page_shows_its_progress_and_offers_nothing_to_change()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var url = (await UploadAsync(manager, catalisti, await ListAsync($"RUN-{Random.Shared.Next(100_000, 999_999)}"))).Headers.Location!.OriginalString;
        var managerId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.CatalistiManager).Select(u => u.Id).SingleAsync());
        // A job that is running (never handed to the runner), as the page sees it halfway.
        var job = new BackgroundJob { Kind = ImportJob.JobKind, CreatedBy = managerId, CreatedAt = DateTimeOffset.UnixEpoch, Status = JobStatus.Running, Progress = 0.2 };
        await app.WithDbAsync(async db =>
        {
            db.BackgroundJobs.Add(job);
            await db.SaveChangesAsync();
            return await db.ImportSessions.Where(s => s.Id == ImportSteps.SessionId(url))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ImportSessionStatus.Committing).SetProperty(x => x.JobId, job.Id));
        });
        app.Services.GetRequiredService<JobProgressStore>().Set(job.Id, 0.6, "3/5");

        var page = await manager.GetDocumentAsync(url);
        var progress = page.QuerySelector("[data-testid=import-progress]")!;
        Assert.Equal(job.Id.ToString(), progress.GetAttribute("data-job"));
        Assert.Equal("60", progress.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow"));
        Assert.Equal("3/5", page.QuerySelector("#job-text")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("noscript meta[http-equiv=refresh]"));
        Assert.DoesNotContain(page.Forms, f => f.Method == "post" && f.GetAttribute("action")?.Contains("handler=", StringComparison.Ordinal) == true);
        var live = await manager.GetStringAsync($"/api/v1/jobs/{job.Id}");
        Assert.Contains("\"progress\":0.6", live, StringComparison.Ordinal);
        app.Services.GetRequiredService<JobProgressStore>().Remove(job.Id);
    }

    [Fact]
    public async Task A_cluster_manager_imports_projects_only_for_their_own_cluster_and_sees_only_their_own_imports()
    {
        var flux = await app.ClusterIdAsync("Flux50");
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        // The manager's one cluster is chosen already; another cluster, by its id or its exact name, is no cluster to them.
        var form = await manager.GetDocumentAsync("/Projects/Import");
        Assert.Equal("Catalisti", form.QuerySelector("input[name='Input.ClusterId']")!.GetAttribute("value"));
        foreach (var typed in new[] { flux.ToString(), "Flux50" })
        {
            var refused = await manager.UploadAsync("/Projects/Import", typed, System.Text.Encoding.UTF8.GetBytes("Titel;Start;Einde;Budget;Trekker\nX;01-01-2037;01-01-2038;1000;0403170701"), "projecten.csv");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains($"Geen cluster heet of bevat „{typed}”.", (await refused.ParseAsync()).QuerySelector("[data-testid=cluster-choice-message]")!.TextContent, StringComparison.Ordinal);
        }

        // Agency staff import for any cluster; the cluster's own manager still does not see the officer's import.
        var officer = await app.SignedInAsync(Emails.Officer);
        var upload = await UploadAsync(officer, flux, "Titel;Start;Einde;Budget;Trekker\nX;01-01-2037;01-01-2038;1000;0403170701");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var url = upload.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(Emails.Flux50Manager)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(url)).StatusCode);
        // The same session under the other kind's address is not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(url.Replace("/Projects/", "/Organisations/", StringComparison.Ordinal))).StatusCode);
    }
}
