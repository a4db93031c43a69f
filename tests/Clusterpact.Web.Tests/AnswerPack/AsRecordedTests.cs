namespace Clusterpact.Web.Tests.AnswerPack;

/// <summary>
/// Issue 17: "as it stood on a day" means as recorded on that day. An evaluation stage entered today with an earlier
/// day, and an evaluation planned today with days in the past, leave the answer pack of that earlier day as it was;
/// today's pack shows them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AsRecordedTests(ClusterpactApp app)
{
    private const string Url2020 = "/AnswerPack?on=2020-06-30";

    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    private static string[] Rows(AngleSharp.Html.Dom.IHtmlDocument doc, string testId) =>
        doc.QuerySelectorAll($"[data-testid={testId}] tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()).Prepend(r.GetAttribute("data-stage") ?? ""))).ToArray();

    [Fact]
    public async Task Back_dating_an_evaluation_stage_today_leaves_the_pack_of_an_earlier_day_as_recorded_then()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var title = "Tussentijdse evaluatie De Blauwe Cluster 2020";
        // The demo has two with this title: one decided in 2020, and this one, collecting data since 15-01-2020.
        var running = await app.WithDbAsync(db => db.Evaluations.Where(e => e.Title == title && e.Stage == EvaluationStage.CollectingData).Select(e => e.Id).SingleAsync());

        var before = await officer.GetDocumentAsync(Url2020);
        Assert.Equal("Zoals geregistreerd op 30-06-2020: wat later werd ingevoerd, ook met een vroegere datum, telt niet mee.",
            before.QuerySelector("[data-testid=as-recorded]")!.TextContent.Trim());
        var rowBefore = Rows(before, "evaluations").Single(r => r.StartsWith($"CollectingData | {title}", StringComparison.Ordinal));
        Assert.Contains("15-01-2020", rowBefore, StringComparison.Ordinal);

        // Today the agency enters that the expert panel met on 20 March 2020, and plans (and starts) an evaluation dated 2020.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Evaluations/{running}", new Dictionary<string, string> { ["On"] = "2020-03-20" }, f => Handler(f, "Step"))).StatusCode);
        var sim = await app.ClusterIdAsync("SIM");
        var planned = await officer.SubmitFormAsync("/Evaluations/New", new Dictionary<string, string>
        {
            ["Input.Title"] = "Tussentijdse evaluatie SIM 2020 (achteraf ingevoerd)", ["Input.Kind"] = "Interim", ["Input.Scope"] = "Individual", ["Input.ClusterId"] = sim.ToString(),
            ["Input.Planned[CollectingData]"] = "2020-02-01", ["Input.Planned[Decided]"] = "2020-06-30",
        });
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(planned.Headers.Location!.OriginalString, new Dictionary<string, string> { ["On"] = "2020-02-01" }, f => Handler(f, "Step"))).StatusCode);

        // The pack of 30-06-2020 answers what was recorded by then: unchanged, row for row, summary and workbook too.
        var after = await officer.GetDocumentAsync(Url2020);
        Assert.Equal(Rows(before, "evaluations"), Rows(after, "evaluations"));
        Assert.Equal(before.QuerySelector("[data-testid=a1]")!.TextContent, after.QuerySelector("[data-testid=a1]")!.TextContent);
        Assert.DoesNotContain(Rows(after, "evaluations"), r => r.Contains("achteraf ingevoerd", StringComparison.Ordinal));

        // Today's pack shows both, with the days they name.
        var today = await officer.GetDocumentAsync($"/AnswerPack?on={app.Today:yyyy-MM-dd}");
        var rowToday = Rows(today, "evaluations").Single(r => r.StartsWith($"ExpertPanel | {title}", StringComparison.Ordinal));
        Assert.Contains("20-03-2020", rowToday, StringComparison.Ordinal);
        Assert.DoesNotContain(Rows(today, "evaluations"), r => r.StartsWith($"CollectingData | {title}", StringComparison.Ordinal));
        Assert.Contains(Rows(today, "evaluations"), r => r.StartsWith("CollectingData | Tussentijdse evaluatie SIM 2020 (achteraf ingevoerd)", StringComparison.Ordinal) && r.Contains("01-02-2020", StringComparison.Ordinal));

        // The moment is the clock's, not a typed day.
        var stage = (await app.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.Id == running))).Stages.Single(s => s.Stage == EvaluationStage.ExpertPanel);
        Assert.Equal(app.Today, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(stage.RecordedAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).DateTime));
    }
}
