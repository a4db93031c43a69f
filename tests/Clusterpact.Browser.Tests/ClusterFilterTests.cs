namespace Clusterpact.Browser.Tests;

/// <summary>
/// Issue 18: the lists' cluster filter is a text field whose suggestions come from the server while a person types (a
/// dropdown of every cluster had 3,000 options at EU size). Typed and submitted with the keyboard alone it filters the
/// list; axe checks every page this walk opens.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClusterFilterTests(BrowserApp app)
{
    [Fact]
    public async Task A_cluster_is_suggested_while_typing_and_chosen_with_the_keyboard()
    {
        var page = await app.SignInAsync("officer@clusterpact.demo");
        await page.GotoAsync("/Organisations");
        var field = page.GetByLabel("Cluster", new() { Exact = true });
        await field.FocusAsync();
        await page.Keyboard.TypeAsync("flux");
        await Assertions.Expect(page.Locator("datalist#cluster-suggestions option[value='Flux50']")).ToHaveCountAsync(1);

        await field.FillAsync("Flux50");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Organisations?**cluster=Flux50**");
        await Assertions.Expect(page.Locator("input#cluster")).ToHaveValueAsync("Flux50");
        Assert.True(await page.GetByTestId("organisation-table").Locator("tbody tr").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("select#cluster").CountAsync());
    }
}
