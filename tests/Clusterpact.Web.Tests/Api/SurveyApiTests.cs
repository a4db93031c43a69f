using static Clusterpact.Web.Tests.Api.AreaApiTests;

namespace Clusterpact.Web.Tests.Api;

/// <summary>
/// Member surveys made, built, opened, mailed and closed through the API (issue 21) by the survey page's use cases: each
/// change with the survey's ETag (412 when stale, nothing changes), the rule's translated reason, only agency staff with the
/// write scope, and a survey seen by the managers of the clusters it invited only. Answers stay on the personal link.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SurveyApiTests(ClusterpactApp app)
{
    private Task<Survey> StoredAsync(Guid id) => app.WithDbAsync(db => db.Surveys.AsNoTracking().SingleAsync(s => s.Id == id));

    [Fact]
    public async Task The_agency_builds_opens_mails_and_closes_a_survey_with_its_key()
    {
        var agency = await app.AgencyKeyAsync("Bevragingen", "surveys:write");
        var title = "API-bevraging " + Guid.NewGuid().ToString("N")[..8];
        var created = await agency.PostAsJsonAsync("/api/v1/surveys", new { title, year = 2026, standard = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = IdOf(await created.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal($"/api/v1/surveys/{id}", created.Headers.Location?.OriginalString);
        Assert.Contains(await app.AuditedByAsync(nameof(Survey), id), n => n.StartsWith("API-client Bevragingen (of user ", StringComparison.Ordinal));
        var url = $"/api/v1/surveys/{id}";
        var etag = created.Headers.ETag!.Tag;

        // Opening an empty questionnaire: the rule's reason, in the caller's language.
        var empty = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/open", etag)), HttpStatusCode.BadRequest);
        Assert.Equal("Survey.NoQuestions", empty.GetProperty("code").GetString());
        Assert.Equal("Voeg eerst vragen toe.", empty.GetProperty("detail").GetString());

        var question = new { kind = "SingleChoice", textNl = "Bent u tevreden?", textEn = "Are you satisfied?", optionsNl = new[] { "Ja", "Nee" }, optionsEn = new[] { "Yes", "No" }, required = true };
        var added = await agency.SendAsync(Send(HttpMethod.Post, url + "/questions", etag, question));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/questions", etag, question)), HttpStatusCode.PreconditionFailed);
        Assert.Single((await StoredAsync(id)).Questions);

        var read = await agency.GetAsync(url);
        Assert.Equal(added.Headers.ETag!.Tag, read.Headers.ETag!.Tag);
        var opened = await agency.SendAsync(Send(HttpMethod.Post, url + "/open", read.Headers.ETag.Tag));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(SurveyStatus.Open, (await StoredAsync(id)).Status);
        var notDraft = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/questions", opened.Headers.ETag!.Tag, question)), HttpStatusCode.BadRequest);
        Assert.Equal("Survey.NotDraft", notDraft.GetProperty("code").GetString());

        // Invited: Catalisti's members, each with a personal link by e-mail; Catalisti's manager now sees it, Flux50's does not.
        var catalisti = await app.ClusterIdAsync("Catalisti");
        await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/invite", etag, new { clusterIds = new[] { catalisti } })), HttpStatusCode.PreconditionFailed);
        var invited = await agency.SendAsync(Send(HttpMethod.Post, url + "/invite", opened.Headers.ETag.Tag, new { clusterIds = new[] { catalisti } }));
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var sent = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sent").GetInt32();
        Assert.True(sent > 0);
        Assert.Equal(sent, await app.WithDbAsync(db => db.SurveyInvitations.CountAsync(i => i.SurveyId == id)));
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(Emails.CatalistiManager)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(Emails.Flux50Manager)).GetAsync(url)).StatusCode);
        var reminded = await agency.SendAsync(Send(HttpMethod.Post, url + "/remind", opened.Headers.ETag.Tag));
        Assert.Equal(0, (await reminded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sent").GetInt32());

        var closed = await agency.SendAsync(Send(HttpMethod.Post, url + "/close", opened.Headers.ETag.Tag));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var again = await ProblemAsync(await agency.SendAsync(Send(HttpMethod.Post, url + "/close", closed.Headers.ETag!.Tag)), HttpStatusCode.BadRequest);
        Assert.Equal("Survey.NotOpen", again.GetProperty("code").GetString());
        Assert.Equal(SurveyStatus.Closed, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Only_agency_staff_with_the_write_scope_change_a_survey()
    {
        var agency = await app.AgencyKeyAsync("Bevragingen maken", "surveys:write");
        var created = await agency.PostAsJsonAsync("/api/v1/surveys", new { title = "API-bevraging rechten", year = 2026, standard = true });
        var id = IdOf(await created.Content.ReadFromJsonAsync<JsonElement>());
        var (url, etag) = ($"/api/v1/surveys/{id}", created.Headers.ETag!.Tag);

        var readOnly = await app.AgencyKeyAsync("Bevragingen lezen", "surveys:read");
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.SendAsync(Send(HttpMethod.Post, url + "/open", etag))).StatusCode);
        foreach (var email in new[] { Emails.Reader, Emails.CatalistiManager })
        {
            var person = await app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.SendAsync(Send(HttpMethod.Post, url + "/open", etag))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.PostAsJsonAsync("/api/v1/surveys", new { title = "Niet van mij", year = 2026 })).StatusCode);
        }
        Assert.Equal(SurveyStatus.Draft, (await StoredAsync(id)).Status);
        // A manager sees no survey that did not invite their cluster's members.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(Emails.CatalistiManager)).GetAsync(url)).StatusCode);
    }
}
