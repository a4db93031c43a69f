using System.Net.Http.Headers;
using static Clusterpact.Web.Tests.Api.AreaApiTests;
using static Clusterpact.Web.Tests.Import.ImportSteps;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// Issue 21: imports through the API, as a cluster's CRM sends its member list with its own token: upload as the request
/// body, read the counts and the row report, remap with the import's ETag, commit as a job and poll it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ImportApiTests(ClusterpactApp app)
{
    private static HttpRequestMessage Upload(string url, string csv, string contentType = "text/csv")
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    [Fact]
    public async Task A_clusters_crm_uploads_remaps_and_commits_a_member_list_with_its_token()
    {
        var manager = await app.SignedInAsync(Emails.Flux50Manager);
        var flux50 = await app.ClusterIdAsync("Flux50");
        var crm = await MachineClientPages.CreateAsync(manager, "Flux50 CRM import", ["members:write"], cluster: flux50);
        var client = app.WithToken(await MachineClientPages.CreateTokenAsync(manager, crm.Id, app.Today.AddDays(90)));

        var seed = Random.Shared.Next(10_000, 900_000);
        var number = Number(seed);
        // The number's column is named so that nothing maps it by itself: the client maps it afterwards.
        var wrong = $"{number[..9]}{(number[9] == '0' ? '1' : '0')}";
        var csv = $"Naam;Identificatie X;Lid sinds\r\nAPI Import {seed} NV;{number};01-03-2025\r\nFout {seed} BV;{wrong};\r\n";
        var uploaded = await client.SendAsync(Upload($"/api/v1/imports/members?cluster={flux50}&defaultMemberSince=2026-01-01&figuresYear=2025", csv));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var location = uploaded.Headers.Location!.OriginalString;
        var session = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Uploaded", session.GetProperty("status").GetString());
        Assert.Equal("Name", session.GetProperty("columns")[0].GetProperty("field").GetString());
        Assert.Equal(JsonValueKind.Null, session.GetProperty("columns")[1].GetProperty("field").ValueKind);
        var etag = uploaded.Headers.ETag!.Tag;

        // The mapping changes with the ETag read; the same ETag afterwards is stale and changes nothing.
        var mapping = new { columns = new Dictionary<int, string> { [0] = "Name", [1] = "EnterpriseNumber", [2] = "MemberSince" } };
        var remapped = await client.SendAsync(Send(HttpMethod.Put, $"{location}/mapping", etag, mapping));
        Assert.Equal(HttpStatusCode.OK, remapped.StatusCode);
        var counts = (await remapped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counts");
        Assert.Equal((1, 1), (counts.GetProperty("accepted").GetInt32(), counts.GetProperty("rejected").GetInt32()));
        await ProblemAsync(await client.SendAsync(Send(HttpMethod.Put, $"{location}/mapping", etag, new { columns = new Dictionary<int, string> { [0] = "Name" } })), HttpStatusCode.PreconditionFailed);
        await ProblemAsync(await client.SendAsync(Send(HttpMethod.Post, $"{location}/commit", null)), HttpStatusCode.PreconditionRequired);

        // The row report says which row is refused and why.
        var report = await client.GetStringAsync($"{location}/report");
        Assert.StartsWith("row;status;label;field;problem;value", report, StringComparison.Ordinal);
        Assert.Contains("3;Rejected;", report, StringComparison.Ordinal);

        var committed = await client.SendAsync(Send(HttpMethod.Post, $"{location}/commit", remapped.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.Accepted, committed.StatusCode);
        var job = committed.Headers.Location!.OriginalString;
        Assert.StartsWith("/api/v1/jobs/", job, StringComparison.Ordinal);
        var status = "";
        for (var i = 0; i < 300 && status is not ("Succeeded" or "Failed"); i++)
        {
            await Task.Delay(50);
            status = (await client.GetFromJsonAsync<JsonElement>(job)).GetProperty("status").GetString();
        }
        Assert.Equal("Succeeded", status);
        var organisation = await app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.EnterpriseNumber == number));
        var member = await app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.OrganisationId == organisation.Id));
        Assert.Equal((flux50, new DateOnly(2025, 3, 1)), (member.ClusterId, member.From));

        // Done is done: with the committed import's own ETag, a second commit or a new mapping is refused.
        var after = await client.GetAsync(location);
        var done = await after.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Committed", 1), (done.GetProperty("status").GetString(), done.GetProperty("counts").GetProperty("accepted").GetInt32()));
        await ProblemAsync(await client.SendAsync(Send(HttpMethod.Post, $"{location}/commit", after.Headers.ETag!.Tag)), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_import_is_refused_outside_the_tokens_scope_cluster_and_list_types()
    {
        var manager = await app.SignedInAsync(Emails.Flux50Manager);
        var flux50 = await app.ClusterIdAsync("Flux50");
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var reader = await MachineClientPages.CreateAsync(manager, "Flux50 CRM read", ["members:read"], cluster: flux50);
        var writer = await MachineClientPages.CreateAsync(manager, "Flux50 CRM write", ["members:write"], cluster: flux50);
        var readOnly = app.WithToken(await MachineClientPages.CreateTokenAsync(manager, reader.Id, app.Today.AddDays(30)));
        var members = app.WithToken(await MachineClientPages.CreateTokenAsync(manager, writer.Id, app.Today.AddDays(30)));
        const string csv = "Naam;Ondernemingsnummer\r\nX;0403170701\r\n";

        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.SendAsync(Upload($"/api/v1/imports/members?cluster={flux50}", csv))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await members.SendAsync(Upload($"/api/v1/imports/projects?cluster={flux50}", csv))).StatusCode);
        await ProblemAsync(await members.SendAsync(Upload($"/api/v1/imports/members?cluster={catalisti}", csv)), HttpStatusCode.Forbidden);
        await ProblemAsync(await members.SendAsync(Upload($"/api/v1/imports/members?cluster={flux50}", csv, "application/pdf")), HttpStatusCode.UnsupportedMediaType);
        // Another person's import is not found, even for agency staff who could import themselves.
        var uploaded = await members.SendAsync(Upload($"/api/v1/imports/members?cluster={flux50}", csv));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var officer = await app.SignedInAsync(Emails.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(uploaded.Headers.Location)).StatusCode);
    }
}
