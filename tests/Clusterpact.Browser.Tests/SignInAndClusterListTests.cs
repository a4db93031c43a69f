namespace Clusterpact.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInAndClusterListTests(BrowserApp app)
{
    [Fact]
    public async Task Officer_signs_in_switches_to_english_and_sees_the_real_clusters()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        // Dutch by default, even though the browser asks for English.
        Assert.Equal("nl", await page.GetAttributeAsync("html", "lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Aanmelden", Exact = true }).First.ClickAsync();

        await page.GetByLabel("E-mailadres").FillAsync("officer@clusterpact.demo");
        await page.GetByLabel("Wachtwoord").FillAsync(DemoLogins.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        Assert.Equal("officer@clusterpact.demo", (await page.GetByTestId("current-user").TextContentAsync())?.Trim());

        await page.GetByRole(AriaRole.Button, new() { Name = "Clusters en leden", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Clusters", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/Clusters");
        var table = page.GetByTestId("cluster-table");
        Assert.Contains("Speerpuntcluster", await table.InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "EN English" }).ClickAsync();
        await page.WaitForURLAsync("**/Clusters");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        var text = await page.GetByTestId("cluster-table").InnerTextAsync();
        foreach (var name in new[] { "Catalisti", "Flux50", "De Blauwe Cluster", "Flanders' FOOD", "B-hive", "EdTech" })
            Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains("1–25 of 29", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Spearhead cluster", text, StringComparison.Ordinal);
        Assert.Contains("Innovative business network", text, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "clusters-en.png"), FullPage = true });

        // Filter to spearhead clusters and open one: its page tells its story with English labels.
        await page.GetByLabel("Type").SelectOptionAsync(new SelectOptionValue { Label = "Spearhead cluster" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync("**/Clusters?**");
        var spcs = await page.GetByTestId("cluster-table").InnerTextAsync();
        Assert.DoesNotContain("B-hive", spcs, StringComparison.Ordinal);
        foreach (var name in new[] { "Catalisti", "Flux50", "VIL", "SIM", "De Blauwe Cluster", "Flanders' FOOD", "MEDVIA" })
            Assert.Contains(name, spcs, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Flux50" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Flux50");
        Assert.Contains("Current members", await page.ContentAsync(), StringComparison.Ordinal);

        // The choice is the officer's language now (their e-mails follow it); the other walks expect the Dutch back.
        await page.GetByRole(AriaRole.Button, new() { Name = "NL Nederlands" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
    }

    [Fact]
    public async Task Cluster_manager_edits_the_contact_with_the_keyboard_only()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        // The skip link is the first stop for a keyboard user.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Naar de inhoud", (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
        await page.GotoAsync("/Account/Login");

        await page.GetByLabel("E-mailadres").FillAsync("manager.catalisti@clusterpact.demo");
        await page.GetByLabel("Wachtwoord").FillAsync(DemoLogins.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(app.BaseUrl + "/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Catalisti" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Contactgegevens wijzigen" }).ClickAsync();
        await page.GetByLabel("Contactpersoon", new() { Exact = true }).FillAsync("Lies Browser");
        await page.GetByLabel("Website").FillAsync("geen-url");
        await page.GetByLabel("Website").PressAsync("Enter");
        // Refused next to the field, with what was typed kept.
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Website']")).ToContainTextAsync("https://");
        Assert.Equal("Lies Browser", await page.GetByLabel("Contactpersoon", new() { Exact = true }).InputValueAsync());

        await page.GetByLabel("Website").FillAsync("https://www.catalisti.be");
        await page.GetByLabel("Website").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("opgeslagen");
        Assert.Contains("Lies Browser", await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "cluster-nl.png"), FullPage = true });
    }
}
