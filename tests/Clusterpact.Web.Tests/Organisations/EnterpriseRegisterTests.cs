using Clusterpact.Web.Infrastructure.EnterpriseRegister;
using Microsoft.AspNetCore.Hosting;

namespace Clusterpact.Web.Tests.Organisations;

/// <summary>
/// The demo with the register's folder holding the sample extract and its update (a folder and a zip, as an operator puts
/// them there): its own installation, since with a register loaded numbers it does not know are refused.
/// </summary>
public sealed class RegisterApp : ClusterpactApp
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("clusterpact-kbo-folder-").FullName;
    private readonly SemaphoreSlim _once = new(1, 1);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CopyFolder(RegisterSample.Full, Path.Combine(Folder, "KboOpenData_0140_2026_11_Full"));
        RegisterSample.Zip(RegisterSample.Update, Path.Combine(Folder, "KboOpenData_0141_2026_12_Update.zip"));
        builder.UseSetting("EnterpriseRegister:Folder", Folder);
    }

    /// <summary>An administrator loads the full extract, then the update, through the admin page, once for the installation.</summary>
    public async Task LoadSampleAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (await WithDbAsync(db => db.RegisterLoads.AnyAsync(l => l.Completed))) return;
            var admin = await SignedInAsync(Emails.Admin);
            foreach (var file in new[] { "KboOpenData_0140_2026_11_Full", "KboOpenData_0141_2026_12_Update.zip" })
            {
                var started = await admin.SubmitFormAsync("/Admin/Register", new Dictionary<string, string> { ["ServerFile"] = file },
                    f => f.GetAttribute("action")?.Contains("handler=Server", StringComparison.Ordinal) == true);
                Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
                var job = await WaitForRegisterJobAsync(admin);
                Assert.Equal(JobStatus.Succeeded, job.Status);
            }
        }
        finally
        {
            _once.Release();
        }
    }

    /// <summary>Follows the newest register job through the jobs API, as the page's script does.</summary>
    public async Task<JobState> WaitForRegisterJobAsync(HttpClient client)
    {
        var id = await WithDbAsync(db => db.BackgroundJobs.Where(j => j.Kind == RegisterLoadJob.JobKind).OrderByDescending(j => j.CreatedAt).Select(j => j.Id).FirstAsync());
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        for (var i = 0; i < 600; i++)
        {
            var job = await client.GetFromJsonAsync<JobState>($"/api/v1/jobs/{id}", json);
            if (job!.Status is JobStatus.Succeeded or JobStatus.Failed) return job;
            await Task.Delay(50);
        }
        throw new TimeoutException("The register load did not finish in 30 s");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)), overwrite: true);
    }
}

public sealed class EnterpriseRegisterTests(RegisterApp app) : IClassFixture<RegisterApp>
{
    private static string Dotted(string n) => $"{n[..4]}.{n[4..7]}.{n[7..]}";

    [Fact]
    public async Task The_admin_page_shows_each_load_with_its_counts_and_rows_per_second()
    {
        await app.LoadSampleAsync();
        var admin = await app.SignedInAsync(Emails.Admin);
        var doc = await admin.GetDocumentAsync("/Admin/Register");
        var summaries = doc.QuerySelectorAll("[data-testid=register-summary]").Select(s => s.TextContent).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.Contains(summaries, s => s.StartsWith($"{RegisterSample.FullEnterprises.ToString("N0", CultureInfo.GetCultureInfo("nl-BE"))} ondernemingen toegevoegd", StringComparison.Ordinal));
        Assert.Contains("1 ondernemingen toegevoegd, 1 gewijzigd, 1 stopgezet", summaries[0], StringComparison.Ordinal);
        Assert.Contains("rijen per seconde", summaries[0], StringComparison.Ordinal);
        Assert.Equal(RegisterSample.FullEnterprises + 1, await app.WithDbAsync(db => db.RegisterEnterprises.CountAsync()));
    }

    [Fact]
    public async Task A_number_the_loaded_register_does_not_know_is_refused_on_member_add()
    {
        await app.LoadSampleAsync();
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var response = await manager.SubmitFormAsync($"/Clusters/{catalisti}/Members/Add", new Dictionary<string, string>
        {
            ["Input.EnterpriseNumber"] = "0403.170.701", ["Input.Name"] = "Onbekend BV", ["Input.From"] = "2026-02-01", ["Input.Role"] = "Member", ["Input.Kind"] = "Company",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("staat niet in het geladen KBO-register", (await response.ParseAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Organisations.AnyAsync(o => o.EnterpriseNumber == "0403170701")));
    }

    [Fact]
    public async Task A_stopped_enterprise_is_added_with_a_warning()
    {
        await app.LoadSampleAsync();
        var officer = await app.SignedInAsync(Emails.Officer);
        var stopped = RegisterSample.Stopped;
        var org = await app.WithDbAsync(db => db.Organisations.Where(o => o.EnterpriseNumber == stopped).Select(o => o.Id).SingleAsync());
        var cluster = await app.WithDbAsync(db => db.Clusters.Where(c => !db.Memberships.Any(m => m.ClusterId == c.Id && m.OrganisationId == org)).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        var added = await officer.SubmitFormAsync($"/Clusters/{cluster}/Members/Add", new Dictionary<string, string>
        {
            ["Input.EnterpriseNumber"] = Dotted(stopped), ["Input.From"] = "2026-02-01", ["Input.Role"] = "Member", ["Input.Kind"] = "Company",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var next = await officer.GetDocumentAsync(added.Headers.Location!.ToString());
        Assert.Contains("niet meer als actief (stopgezet)", next.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.ClusterId == cluster && m.OrganisationId == org)));
    }

    [Fact]
    public async Task A_new_enterprise_takes_its_official_name_sector_and_region_from_the_register_with_its_source()
    {
        await app.LoadSampleAsync();
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var added = await manager.SubmitFormAsync($"/Clusters/{catalisti}/Members/Add", new Dictionary<string, string>
        {
            ["Input.EnterpriseNumber"] = "BE" + RegisterSample.Added, ["Input.From"] = "2026-02-01", ["Input.Role"] = "Member", ["Input.Kind"] = "Company",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var org = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.EnterpriseNumber == RegisterSample.Added));
        var entry = await app.WithDbAsync(db => db.RegisterEnterprises.AsNoTracking().SingleAsync(e => e.EnterpriseNumber == RegisterSample.Added));
        Assert.Equal(entry.Name, org.Name);
        Assert.Equal($"{entry.NaceCode![..2]}.{entry.NaceCode[2..4]}", org.NaceCode);
        Assert.Equal(BelgianRegions.FromPostalCode(entry.PostalCode).Value, org.NutsRegion);

        var page = await manager.GetDocumentAsync($"/Organisations/{org.Id}");
        Assert.Equal("Bron: KBO, extract van 04-12-2026", page.QuerySelector("[data-testid=register-source]")!.TextContent.Trim());
        Assert.Equal(entry.Name, page.QuerySelector("[data-testid=register-name]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=register-differences]"));
    }

    [Fact]
    public async Task The_changes_page_and_the_organisation_page_show_what_the_last_extract_changed()
    {
        await app.LoadSampleAsync();
        var admin = await app.SignedInAsync(Emails.Admin);
        var changes = (await admin.GetDocumentAsync("/Admin/Register/Changes")).QuerySelector("[data-testid=register-changes]")!.TextContent;
        var (renamedNumber, newName) = RegisterSample.Renamed;
        Assert.Contains(newName, changes, StringComparison.Ordinal);
        Assert.Contains(Dotted(RegisterSample.Stopped), changes, StringComparison.Ordinal);
        Assert.Contains("Stopgezet", changes, StringComparison.Ordinal);

        var renamed = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.EnterpriseNumber == renamedNumber));
        var page = await admin.GetDocumentAsync($"/Organisations/{renamed.Id}");
        var differences = page.QuerySelector("[data-testid=register-differences]")!.TextContent;
        Assert.Contains(renamed.Name, differences, StringComparison.Ordinal);
        Assert.Contains(newName, differences, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_administrator_opens_the_register_pages()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        foreach (var url in new[] { "/Admin/Register", "/Admin/Register/Changes" })
        {
            var response = await officer.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
