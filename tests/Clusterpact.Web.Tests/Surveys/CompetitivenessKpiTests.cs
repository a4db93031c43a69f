namespace Clusterpact.Web.Tests.Surveys;

/// <summary>
/// Issue 17, trust and privacy: the members-made-more-competitive KPI of a cluster comes from survey answers under the
/// same disclosure rule as the survey results (SurveyDisclosure): not from five answers alone, but only when the rest
/// of all clusters is safe too, since the KPI stands beside the all-cluster results.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CompetitivenessKpiTests(ClusterpactApp app)
{
    // A year no other test closes a survey for.
    private const int Year = 2017;

    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    [Fact]
    public async Task A_clusters_share_is_not_given_when_all_clusters_minus_it_would_describe_three_members()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var created = await officer.SubmitFormAsync("/Surveys", new Dictionary<string, string> { ["Title"] = $"Competitiviteit {Guid.NewGuid():N}", ["Year"] = Year.ToString(CultureInfo.InvariantCulture), ["Standard"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Surveys/{id}", new Dictionary<string, string>(), f => Handler(f, "Open"))).StatusCode);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var flux = await app.ClusterIdAsync("Flux50");

        // Ten Catalisti members agree (4 on every scale); three Flux50 members do not (1).
        Task AnswerAsync(Guid cluster, int value, int count) => app.WithDbAsync(async db =>
        {
            var survey = await db.Surveys.AsNoTracking().SingleAsync(x => x.Id == id);
            var inputs = survey.Questions.Select(q => q.Kind == QuestionKind.Scale ? new AnswerInput(q.Id, [], value, null, null)
                : q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? new AnswerInput(q.Id, [0], null, null, null) : null).OfType<AnswerInput>().ToList();
            var (answers, problems) = SurveyAnswers.Check(survey, inputs);
            Assert.Empty(problems);
            for (var i = 0; i < count; i++) db.SurveyResponses.Add(SurveyResponse.Of(id, cluster, SizeClass.Small, answers));
            return await db.SaveChangesAsync();
        });
        await AnswerAsync(catalisti, 4, 10);
        await AnswerAsync(flux, 1, 3);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Surveys/{id}", new Dictionary<string, string>(), f => Handler(f, "Close"))).StatusCode);

        async Task<string> OriginAsync(HttpClient client)
        {
            var doc = await client.GetDocumentAsync($"/Kpis/Cluster/{catalisti}?kpi={KpiCatalogue.MoreCompetitive}");
            return string.Join(" | ", doc.QuerySelector($"[data-testid=kpi-years] tr[data-year='{Year}']")!.Children.Skip(3).Select(c => c.TextContent.Trim()));
        }
        // Beside the all-cluster results (13 answers), Catalisti's share would give away what the three Flux50 members answered.
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        foreach (var client in new[] { officer, manager })
            Assert.DoesNotContain("ledenbevraging", await OriginAsync(client), StringComparison.Ordinal);
        var all = await officer.GetDocumentAsync($"/Surveys/{id}/Results");
        Assert.Null(all.QuerySelector("[data-testid=hidden]"));

        // With five Flux50 answers the rest is safe: the share is given, to both.
        await AnswerAsync(flux, 1, 2);
        foreach (var client in new[] { officer, manager })
        {
            var row = await OriginAsync(client);
            Assert.True(row.Contains("ledenbevraging", StringComparison.Ordinal) && row.Contains("100", StringComparison.Ordinal), row);
        }
    }
}
