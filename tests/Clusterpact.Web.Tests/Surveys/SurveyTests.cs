using System.Text.RegularExpressions;

namespace Clusterpact.Web.Tests.Surveys;

/// <summary>
/// Member surveys through HTTP: a link works once, an answer cannot be traced back to the invitee in the database,
/// and a cluster manager sees only their own cluster's results, and only from five answers.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class SurveyTests(ClusterpactApp app)
{
    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    [GeneratedRegex(@"/s/([A-Za-z0-9_-]{20,})")]
    private static partial Regex LinkPattern();

    /// <summary>A fresh open survey (standard questionnaire) with Catalisti's members invited; returns its id.</summary>
    private async Task<Guid> OpenSurveyAsync(HttpClient officer, string title, params string[] clusters)
    {
        var created = await officer.SubmitFormAsync("/Surveys", new Dictionary<string, string> { ["Title"] = title, ["Year"] = "2026", ["Standard"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Surveys/{id}", new Dictionary<string, string>(), f => Handler(f, "Open"))).StatusCode);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var c in clusters) values.Add(new("Clusters", (await app.ClusterIdAsync(c)).ToString()));
        var doc = await officer.GetDocumentAsync($"/Surveys/{id}");
        var form = doc.Forms.Single(f => Handler(f, "Invite"));
        values.AddRange(form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => i.Type == "hidden").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)));
        var invited = await officer.PostFormRawAsync(form.GetAttribute("action")!, values);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        return id;
    }

    /// <summary>The personal links in the invitation e-mails of a survey.</summary>
    private async Task<List<string>> LinksAsync(string title) => await app.WithDbAsync(async db =>
        (await db.OutboxEmails.AsNoTracking().Where(e => e.Subject.Contains(title)).OrderBy(e => e.CreatedAt).Select(e => e.Body).ToListAsync())
            .Select(b => LinkPattern().Match(b).Groups[1].Value).ToList());

    private static Dictionary<string, string> Answers(AngleSharp.Html.Dom.IHtmlDocument page, int competitiveness)
    {
        var values = new Dictionary<string, string>();
        var fieldsets = page.QuerySelectorAll("form fieldset").ToList();
        string Name(int i) => fieldsets[i].QuerySelector("input, textarea")!.GetAttribute("name")!;
        values[Name(0)] = "3";
        values[Name(1)] = "4";
        values[Name(2)] = competitiveness.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values[Name(3)] = "4";
        values[Name(4)] = "0";
        values[Name(5)] = "Meer internationale missies";
        return values;
    }

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient anonymous, string token, int competitiveness)
    {
        var page = await anonymous.GetDocumentAsync($"/s/{token}");
        return await anonymous.SubmitFormAsync($"/s/{token}", Answers(page, competitiveness));
    }

    [Fact]
    public async Task A_survey_link_works_once_without_an_account()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var title = $"Eenmalige link {Guid.NewGuid():N}";
        await OpenSurveyAsync(officer, title, "Flux50");
        var token = (await LinksAsync(title)).First();
        var anonymous = app.Anonymous();

        var missing = await anonymous.SubmitFormAsync($"/s/{token}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("Deze vraag is verplicht", (await missing.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);

        var first = await AnswerAsync(anonymous, token, 5);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull((await first.ParseAsync()).QuerySelector("[data-testid=thanks]"));

        var again = await anonymous.GetDocumentAsync($"/s/{token}");
        Assert.Contains("al geantwoord", again.QuerySelector("[data-testid=link-problem]")!.TextContent, StringComparison.Ordinal);
        var secondPost = await anonymous.PostFormRawAsync($"/s/{token}", [new("__RequestVerificationToken", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value ?? "")]);
        Assert.NotNull((await secondPost.ParseAsync()).QuerySelector("[data-testid=link-problem]"));
        var surveyId = await app.WithDbAsync(db => db.Surveys.Where(s => s.Title == title).Select(s => s.Id).SingleAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId)));
        Assert.NotNull((await anonymous.GetDocumentAsync("/s/not-a-real-token-at-all-123456")).QuerySelector("[data-testid=link-problem]"));
    }

    [Fact]
    public async Task An_answer_cannot_be_traced_back_to_the_invitee_in_the_database()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var title = $"Anoniem {Guid.NewGuid():N}";
        await OpenSurveyAsync(officer, title, "Flux50");
        var token = (await LinksAsync(title)).First();
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(app.Anonymous(), token, 4)).StatusCode);

        await app.WithDbAsync(async db =>
        {
            // The stored response knows only its survey, cluster and size class: no invitation, organisation, person or time.
            var columns = db.Model.FindEntityType(typeof(SurveyResponse))!.GetProperties().Select(p => p.Name).Order().ToList();
            Assert.Equal(["ClusterId", "Id", "SizeClass", "SurveyId"], columns);
            var answerColumns = db.Model.FindEntityType(typeof(SurveyAnswer))!.GetProperties().Select(p => p.Name).Order().ToList();
            Assert.Equal(["Choices", "Number", "QuestionId", "ResponseId", "Scale", "Text"], answerColumns);
            // The invitation keeps that it was used, not when.
            Assert.DoesNotContain(db.Model.FindEntityType(typeof(SurveyInvitation))!.GetProperties(), p => p.ClrType == typeof(DateTimeOffset) || p.Name.Contains("Used", StringComparison.Ordinal) && p.Name != "Used");
            // The id is random, not time-ordered (a version-7 id would give away when it was written).
            var surveyId = await db.Surveys.Where(s => s.Title == title).Select(s => s.Id).SingleAsync();
            var response = await db.SurveyResponses.AsNoTracking().SingleAsync(r => r.SurveyId == surveyId);
            Assert.Equal(4, response.Id.Version);
            // Nothing about the answer or the invitation's use is in the audit trail.
            Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SurveyResponse) || a.EntityType == nameof(SurveyInvitation) || a.EntityType == nameof(SurveyAnswer)));
            return 0;
        });
    }

    [Fact]
    public async Task A_manager_sees_their_own_clusters_results_only_from_five_answers()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var title = $"Vijf antwoorden {Guid.NewGuid():N}";
        var id = await OpenSurveyAsync(officer, title, "Catalisti", "Flux50");
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var flux = await app.ClusterIdAsync("Flux50");
        var links = await app.WithDbAsync(async db =>
        {
            var invitations = await db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == id).Select(i => new { i.Id, i.ClusterId }).ToListAsync();
            return invitations.Count;
        });
        Assert.True(links >= 10);
        var tokens = await LinksAsync(title);
        var byCluster = await app.WithDbAsync(async db =>
        {
            var invitations = await db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == id).ToListAsync();
            return tokens.GroupBy(t => invitations.Single(i => i.TokenHash == SurveyInvitation.Hash(t)).ClusterId).ToDictionary(g => g.Key, g => g.ToList());
        });
        var anonymous = app.Anonymous();
        // Four Catalisti answers (competitiveness 5, 4, 2, 1) and five Flux50 answers.
        foreach (var (token, score) in byCluster[catalisti].Take(4).Zip([5, 4, 2, 1])) Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(anonymous, token, score)).StatusCode);
        foreach (var token in byCluster[flux].Take(5)) await AnswerAsync(anonymous, token, 3);

        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var hidden = await manager.GetDocumentAsync($"/Surveys/{id}/Results?cluster={catalisti}");
        Assert.NotNull(hidden.QuerySelector("[data-testid=hidden]"));
        Assert.Empty(hidden.QuerySelectorAll("[data-question]"));
        // Flux50 has five answers, but they are not the Catalisti manager's to see.
        Assert.NotNull((await manager.GetDocumentAsync($"/Surveys/{id}/Results?cluster={flux}")).QuerySelector("[data-testid=hidden]"));
        Assert.NotEqual(HttpStatusCode.OK, (await manager.GetAsync($"/Surveys/{id}/Results?handler=Export&cluster={catalisti}")).StatusCode);
        var rates = await manager.GetDocumentAsync($"/Surveys/{id}");
        Assert.Single(rates.QuerySelectorAll("[data-testid=rates] tbody tr[data-cluster]"));

        await AnswerAsync(anonymous, byCluster[catalisti][4], 4);
        var shown = await manager.GetDocumentAsync($"/Surveys/{id}/Results?cluster={catalisti}");
        Assert.Null(shown.QuerySelector("[data-testid=hidden]"));
        // Competitiveness now: 5, 4, 2, 1, 4. Three of five "agree" would say the other two did not: a group of two, so the
        // share and every count of that question stay hidden, and the page says why.
        Assert.Null(shown.QuerySelector("[data-testid=kpi]"));
        Assert.NotEmpty(shown.QuerySelectorAll("tr[data-suppressed]"));
        Assert.NotNull(shown.QuerySelector("[data-testid=suppressed-note]"));
        var export = await manager.GetAsync($"/Surveys/{id}/Results?handler=Export&cluster={catalisti}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        // The agency sees every cluster together: 10 answers.
        var all = await officer.GetDocumentAsync($"/Surveys/{id}/Results");
        Assert.Contains("10", all.QuerySelector("[data-testid=responses]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_filter_view_or_export_shows_a_group_of_fewer_than_five_not_even_as_a_difference()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var title = $"Filters {Guid.NewGuid():N}";
        var id = await OpenSurveyAsync(officer, title, "Catalisti");
        var catalisti = await app.ClusterIdAsync("Catalisti");
        // Four micro members and six large ones answered (stored as the answer page stores them: cluster and size class only).
        await app.WithDbAsync(async db =>
        {
            var survey = await db.Surveys.AsNoTracking().SingleAsync(x => x.Id == id);
            var scale = survey.Questions.Where(q => q.Kind == QuestionKind.Scale).Select(q => new AnswerInput(q.Id, [], 4, null, null)).ToList();
            var answers = SurveyAnswers.Check(survey, scale).Answers;
            foreach (var size in Enumerable.Repeat(SizeClass.Micro, 4).Concat(Enumerable.Repeat(SizeClass.Large, 6)))
                db.SurveyResponses.Add(SurveyResponse.Of(id, catalisti, size, answers));
            return await db.SaveChangesAsync();
        });
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        foreach (var client in new[] { manager, officer })
        {
            // Four micro answers: not shown, on the page or in the export.
            var micro = await client.GetDocumentAsync($"/Surveys/{id}/Results?cluster={catalisti}&size=Micro");
            Assert.NotNull(micro.QuerySelector("[data-testid=hidden]"));
            Assert.Empty(micro.QuerySelectorAll("[data-question]"));
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/Surveys/{id}/Results?handler=Export&cluster={catalisti}&size=Micro")).StatusCode);
            // Six large answers: the cluster's ten minus these six would be the four micro answers.
            var large = await client.GetDocumentAsync($"/Surveys/{id}/Results?cluster={catalisti}&size=Large");
            Assert.NotNull(large.QuerySelector("[data-testid=hidden]"));
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/Surveys/{id}/Results?handler=Export&cluster={catalisti}&size=Large")).StatusCode);
            // The SMEs are the same four.
            Assert.NotNull((await client.GetDocumentAsync($"/Surveys/{id}/Results?cluster={catalisti}&sme=true")).QuerySelector("[data-testid=hidden]"));
        }
        // The whole cluster is shown, with the rule stated on the page.
        var whole = await manager.GetDocumentAsync($"/Surveys/{id}/Results?cluster={catalisti}");
        Assert.Null(whole.QuerySelector("[data-testid=hidden]"));
        Assert.Contains("10", whole.QuerySelector("[data-testid=responses]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 tot 4", whole.QuerySelector("[data-testid=anonymity-rule]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Surveys/{id}/Results?handler=Export&cluster={catalisti}")).StatusCode);
    }

    [Fact]
    public async Task A_reminder_replaces_the_link_and_only_reaches_those_who_did_not_answer()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var title = $"Herinnering {Guid.NewGuid():N}";
        var id = await OpenSurveyAsync(officer, title, "Flux50");
        var tokens = await LinksAsync(title);
        await AnswerAsync(app.Anonymous(), tokens[0], 3);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            db.Database.IsNpgsql() ? "UPDATE survey_invitations SET \"InvitedOn\" = '2026-01-01' WHERE \"SurveyId\" = {0}" : "UPDATE survey_invitations SET InvitedOn = '2026-01-01' WHERE SurveyId = {0}", id));
        var reminded = await officer.SubmitFormAsync($"/Surveys/{id}", new Dictionary<string, string>(), f => Handler(f, "Remind"));
        Assert.Equal(HttpStatusCode.Redirect, reminded.StatusCode);
        var reminders = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.Subject.Contains(title) && e.Category == "Survey.Reminder").ToListAsync());
        Assert.Equal(tokens.Count - 1, reminders.Count);
        // The old link of someone reminded no longer works; the new one does.
        var oldLink = await app.Anonymous().GetDocumentAsync($"/s/{tokens[1]}");
        Assert.Contains("niet (meer) geldig", oldLink.QuerySelector("[data-testid=link-problem]")!.TextContent, StringComparison.Ordinal);
        var fresh = LinkPattern().Match(reminders[0].Body).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(app.Anonymous(), fresh, 2)).StatusCode);
    }
}
