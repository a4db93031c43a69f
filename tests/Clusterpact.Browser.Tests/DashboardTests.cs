namespace Clusterpact.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserApp app)
{
    [Fact]
    public async Task A_reader_sees_the_dashboards_charts_and_takes_the_answer_pack_for_a_day_as_pdf()
    {
        var page = await app.SignInAsync("reader@clusterpact.demo");
        // The grouped menu works by keyboard: focus "Programma", open it with Enter, go down to "Dashboard" and follow it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Programma", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("Dashboard", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Dashboard");
        // The charts are drawn (Chart.js made a chart on each canvas), next to the tables with the same figures.
        foreach (var chart in new[] { "money-data", "members-data" })
            Assert.True(await page.EvaluateAsync<bool>($"() => !!Chart.getChart(document.querySelector('canvas[data-chart={chart}]'))"), chart);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "dashboard.png"), FullPage = true });
        // The nearest deadlines, and the whole list behind the link, filtered by kind.
        await page.GetByTestId("all-deadlines").ClickAsync();
        await page.WaitForURLAsync("**/Agreements/Deadlines");
        await page.GetByLabel("Wat", new() { Exact = true }).SelectOptionAsync("ReportDue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
        await page.WaitForURLAsync("**/Agreements/Deadlines?*kind=ReportDue*");
        Assert.Contains("Jaarrapport werkjaar", await page.GetByTestId("deadline-table").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Programma", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Antwoord minister", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/AnswerPack");
        await page.GetByLabel("Stand op").FillAsync("2020-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
        await page.WaitForURLAsync("**/AnswerPack?on=2020-06-30");
        Assert.Equal("Stand van zaken op 30-06-2020.", (await page.GetByTestId("as-of").InnerTextAsync()).Trim());
        Assert.True(await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.querySelector('canvas[data-chart=funds-data]'))"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "answer-pack.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("pdf").ClickAsync());
        Assert.Equal("antwoord-clusterpacten-20200630.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }
}
