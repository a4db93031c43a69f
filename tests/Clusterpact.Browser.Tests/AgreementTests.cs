using Clusterpact.Domain.Evaluations;

namespace Clusterpact.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AgreementTests(BrowserApp app)
{
    [Fact]
    public async Task Officer_creates_an_agreement_extends_it_and_is_refused_past_ten_years()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mailadres").FillAsync("officer@clusterpact.demo");
        await page.GetByLabel("Wachtwoord").FillAsync(DemoLogins.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");

        await page.GotoAsync("/Clusters?search=EdTech");
        await page.GetByRole(AriaRole.Link, new() { Name = "EdTech" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe steunovereenkomst" }).ClickAsync();
        await page.GetByLabel("Begin steun").FillAsync("2024-01-01");
        await page.GetByLabel("Einde steun").FillAsync("2026-12-31");
        await page.GetByLabel("Beslissing (referentie)").FillAsync("HF-2023-EDT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("aid-limit")).ToContainTextAsync("31-12-2033");

        // The extension rests on a decided interim evaluation of the cluster, chosen from the ones on record.
        var evaluations = new Dictionary<string, string>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
            var edTech = await db.Clusters.Where(c => c.Name == "EdTech").Select(c => c.Id).SingleAsync();
            foreach (var year in new[] { 2026, 2029, 2032 })
            {
                var e = Evaluation.Plan($"Tussentijdse evaluatie EdTech {year}", EvaluationKind.Interim, EvaluationScope.Individual, edTech, new Dictionary<EvaluationStage, DateOnly>()).Value!;
                for (var i = 0; i < EvaluationLifecycle.StepsBeforeDecision.Count; i++) e.Take(EvaluationLifecycle.StepsBeforeDecision[i], Actors.Agency, new DateOnly(year, i + 2, 1));
                e.Decide(Actors.Agency, new DateOnly(year, 5, 15), EvaluationOutcome.Extend);
                db.Evaluations.Add(e);
                evaluations[$"{year}-05-15"] = e.Id.ToString();
            }
            await db.SaveChangesAsync();
        }

        async Task ExtendAsync(string end, string evaluation, string decision)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Verlengen" }).ClickAsync();
            await page.GetByLabel("Nieuwe einddatum").FillAsync(end);
            await page.GetByLabel("Tussentijdse evaluatie", new() { Exact = true }).SelectOptionAsync(evaluations[evaluation]);
            await page.GetByLabel("Beslissing (referentie)").FillAsync(decision);
            await page.GetByRole(AriaRole.Button, new() { Name = "Verlengen" }).ClickAsync();
        }

        await ExtendAsync("2029-12-31", "2026-05-15", "HF-2026-EDT");
        await ExtendAsync("2032-12-31", "2029-05-15", "HF-2029-EDT");
        await Assertions.Expect(page.GetByTestId("agreements")).ToContainTextAsync("31-12-2032");

        await ExtendAsync("2034-01-01", "2032-05-15", "HF-2032-EDT");
        var error = page.Locator("[data-valmsg-for='Input.End']");
        await Assertions.Expect(error).ToContainTextAsync("AGVV art. 27");
        await Assertions.Expect(error).ToContainTextAsync("31-12-2033");
        Assert.Equal("2034-01-01", await page.GetByLabel("Nieuwe einddatum").InputValueAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "agreement-refused.png"), FullPage = true });
    }
}
