using Clusterpact.Domain.Surveys;

namespace Clusterpact.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SurveyTests(BrowserApp app)
{
    /// <summary>An open standard survey with one invitation for a Catalisti member; returns the link's secret.</summary>
    private async Task<(Guid Survey, string Token)> InvitationAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        var survey = Survey.Standard("Ledenbevraging Catalisti 2026", 2026);
        survey.Open(new DateOnly(2026, 3, 1));
        db.Surveys.Add(survey);
        var catalisti = await db.Clusters.Where(c => c.Name == "Catalisti").Select(c => c.Id).SingleAsync();
        var (invitation, token) = SurveyInvitation.Create(survey.Id, catalisti, null, "lid@voorbeeld.demo", english: false, new DateOnly(2026, 3, 1));
        db.SurveyInvitations.Add(invitation);
        await db.SaveChangesAsync();
        return (survey.Id, token);
    }

    [Fact]
    public async Task A_member_answers_a_survey_through_the_link_with_the_keyboard_and_the_link_then_stops_working()
    {
        var (surveyId, token) = await InvitationAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/s/{token}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ledenbevraging Catalisti 2026");

        // Sending without answers explains what is missing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Antwoorden versturen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Deze vraag is verplicht");

        await page.GetByLabel("Twee tot vijf keer per jaar").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "2. Hoe relevant" }).GetByLabel("4").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "3. In welke mate heeft" }).GetByLabel("5").CheckAsync();
        // Radio groups are reachable by keyboard: focus the first value of question 4 and move with the arrow keys.
        await page.GetByRole(AriaRole.Group, new() { Name = "4. In welke mate verwacht" }).GetByLabel("1").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.True(await page.GetByRole(AriaRole.Group, new() { Name = "4. In welke mate verwacht" }).GetByLabel("3").IsCheckedAsync());
        await page.GetByLabel("Ja", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Wat kan de cluster beter doen?").FillAsync("Meer bedrijfsbezoeken in het buitenland");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "survey-answer.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Antwoorden versturen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("thanks")).ToBeVisibleAsync();

        await page.GotoAsync($"/s/{token}");
        await Assertions.Expect(page.GetByTestId("link-problem")).ToContainTextAsync("al geantwoord");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        var response = await db.SurveyResponses.AsNoTracking().SingleAsync(r => r.SurveyId == surveyId);
        Assert.Equal(6, response.Answers.Count);
        Assert.Equal(3, response.Answers.Single(a => a.Scale == 3).Scale);
    }
}
