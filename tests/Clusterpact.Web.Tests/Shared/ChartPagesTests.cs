namespace Clusterpact.Web.Tests.Shared;

/// <summary>Every chart page draws through the one chart partial: a named canvas, its figures beside it, the scripts once.</summary>
[Collection(AppCollection.Name)]
public sealed class ChartPagesTests(ClusterpactApp app)
{
    [Theory]
    [InlineData("/Dashboard", 2)]
    [InlineData("/AnswerPack", 1)]
    [InlineData("/Kpis", 1)]
    [InlineData("/Kpis/Cluster/{cluster}", 1)]
    [InlineData("/Organisations/Figures", 1)]
    [InlineData("/Projects/Figures", 1)]
    [InlineData("/Budget/{scenario}", 1)]
    [InlineData("/Surveys/{survey}/Results", 1)]
    public async Task Each_chart_has_a_label_and_one_value_per_label_in_every_series(string url, int atLeast)
    {
        var cluster = await app.ClusterIdAsync("Catalisti");
        var scenario = await app.WithDbAsync(db => db.BudgetScenarios.Select(s => s.Id).FirstAsync());
        var survey = await app.WithDbAsync(db => db.Surveys.Where(s => db.SurveyResponses.Any(r => r.SurveyId == s.Id)).Select(s => s.Id).FirstAsync());
        var officer = await app.SignedInAsync(Emails.Officer);
        var doc = await officer.GetDocumentAsync(url.Replace("{cluster}", cluster.ToString()).Replace("{scenario}", scenario.ToString()).Replace("{survey}", survey.ToString()));

        var canvases = doc.QuerySelectorAll("canvas[data-chart]");
        Assert.True(canvases.Length >= atLeast, $"{url}: {canvases.Length} charts");
        foreach (var canvas in canvases)
        {
            Assert.Equal("img", canvas.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(canvas.GetAttribute("aria-label")));
            var source = doc.GetElementById(canvas.GetAttribute("data-chart")!);
            Assert.Equal("application/json", source?.GetAttribute("type"));
            using var json = JsonDocument.Parse(source!.TextContent);
            var labels = json.RootElement.GetProperty("labels").GetArrayLength();
            Assert.True(labels > 0, $"{url}: a chart without labels");
            Assert.All(json.RootElement.GetProperty("series").EnumerateArray(), s => Assert.Equal(labels, s.GetProperty("values").GetArrayLength()));
        }
        Assert.Single(doc.QuerySelectorAll("script[src*='chart.umd']"));
        Assert.Single(doc.QuerySelectorAll("script[src*='/js/charts.js']"));
    }
}
