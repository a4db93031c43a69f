namespace Clusterpact.Browser.Tests.Accessibility;

/// <summary>
/// Issue 17: axe checked only the documents a test stayed on long enough. A page left at once (a click right after it
/// started loading) is now opened again in the same session when the test ends and checked there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeCoverageTests(BrowserApp app)
{
    [Fact]
    public async Task A_page_left_before_axe_ran_is_checked_when_the_test_ends()
    {
        var page = await app.NewPageAsync();
        // Left as soon as the server answered: its load event, and so its check, never comes.
        await page.GotoAsync("/OpenCalls", new() { WaitUntil = WaitUntilState.Commit });
        await page.GotoAsync("/Accessibility");

        await Axe.CheckMissedAsync(page.Context);
        Assert.Contains("/OpenCalls", Axe.CheckedDocuments);
    }
}
