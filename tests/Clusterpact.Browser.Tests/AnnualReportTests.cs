namespace Clusterpact.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AnnualReportTests(BrowserApp app)
{
    [Fact]
    public async Task A_manager_submits_the_officer_returns_the_manager_corrects_and_the_kpi_chart_shows_the_new_value()
    {
        var year = app.Clock.TodayInBrussels().Year - 1;
        var manager = await app.SignInAsync("manager.catalisti@clusterpact.demo");
        await manager.GotoAsync($"/Reports?year={year}");
        await manager.GetByRole(AriaRole.Row).Filter(new() { HasText = "Catalisti" }).GetByRole(AriaRole.Link, new() { Name = "Openen" }).ClickAsync();
        await manager.GetByLabel("Extra VTE").FillAsync("30");
        await manager.GetByLabel("Verslag bij het jaarplan").FillAsync("De roadmap werd geactualiseerd; twee missies gingen door.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Bewaren en indienen" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("report-status")).ToHaveTextAsync("Ingediend");
        var reportUrl = manager.Url;

        var officer = await app.SignInAsync("officer@clusterpact.demo");
        await officer.GotoAsync(reportUrl);
        await officer.GetByLabel("Opmerkingen").FillAsync("Onderbouw de extra VTE per lid.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Terugsturen met opmerkingen" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("report-status")).ToHaveTextAsync("Teruggestuurd");

        await manager.GotoAsync(reportUrl);
        await Assertions.Expect(manager.GetByTestId("remark")).ToContainTextAsync("Onderbouw de extra VTE per lid.");
        await manager.GetByLabel("Extra VTE").FillAsync("32");
        await manager.Locator("#c-extra-fte").FillAsync("Telling per lid in bijlage 2");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Bewaren en indienen" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("report-status")).ToHaveTextAsync("Ingediend");

        await manager.GetByRole(AriaRole.Link, new() { Name = "KPI's van Catalisti bekijken" }).ClickAsync();
        await manager.GetByLabel("KPI").SelectOptionAsync(new SelectOptionValue { Label = "Extra VTE" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
        await Assertions.Expect(manager.Locator($"[data-testid=kpi-years] tr[data-year='{year}'] [data-testid=actual]")).ToHaveTextAsync("32,0");
        // The chart is drawn from the same numbers: its data holds the new value for the last year.
        var data = await manager.Locator("#kpi-data").TextContentAsync();
        Assert.Contains("32", data!.Split("\"values\"")[1].Split(']')[0], StringComparison.Ordinal);
        Assert.True(await manager.Locator("#kpi-chart").EvaluateAsync<bool>("c => window.Chart && !!Chart.getChart(c)"));
        await manager.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "kpi-chart.png"), FullPage = true });
    }
}
