namespace Clusterpact.Browser.Tests;

/// <summary>
/// Issue 18: the forms that listed every cluster in a dropdown have the one cluster field (a text field whose suggestions
/// come from the server). Typed and submitted with the keyboard alone it chooses the cluster; a name that chooses none
/// brings the form back with the reason. axe checks every page this walk opens, the refused form included.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClusterFormTests(BrowserApp app)
{
    [Fact]
    public async Task A_new_evaluation_s_cluster_is_suggested_and_chosen_with_the_keyboard()
    {
        var page = await app.SignInAsync("officer@clusterpact.demo");
        await page.GotoAsync("/Evaluations/New");
        Assert.Equal(0, await page.Locator("select#Input_ClusterId").CountAsync());
        await page.Locator("#Input_Title").FillAsync("Evaluatie gekozen met het toetsenbord");
        var field = page.GetByLabel("Cluster", new() { Exact = true });
        await field.FocusAsync();
        await page.Keyboard.TypeAsync("flux");
        await Assertions.Expect(page.Locator("datalist#Input_ClusterId-suggestions option[value='Flux50']")).ToHaveCountAsync(1);

        // A name that chooses none: the form comes back as typed, with the reason next to the field.
        await field.FillAsync("Geen zulke cluster");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("cluster-choice-message")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input_ClusterId")).ToHaveValueAsync("Geen zulke cluster");
        await Assertions.Expect(page.Locator("#Input_Title")).ToHaveValueAsync("Evaluatie gekozen met het toetsenbord");

        await page.Locator("#Input_ClusterId").FillAsync("Flux50");
        await page.Locator("#Input_ClusterId").PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Evaluations/[0-9a-f-]{36}$"));
    }

    [Fact]
    public async Task A_user_s_clusters_are_boxes_and_one_more_is_added_by_name()
    {
        var page = await app.SignInAsync("admin@clusterpact.demo");
        await page.GotoAsync("/Admin/Users/New");
        Assert.Equal(0, await page.Locator("select[name='Input.ClusterIds']").CountAsync());
        await page.Locator("#Input_AddCluster").FillAsync("Geen zulke cluster");
        await page.Locator("#Input_AddCluster").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("cluster-choice-message")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input_AddCluster")).ToHaveValueAsync("Geen zulke cluster");
    }

    [Theory]
    [InlineData("/Reports?size=5&p=2")]
    [InlineData("/Organisations/Figures?cluster=flux")]
    [InlineData("/Projects/Figures")]
    [InlineData("/Organisations/Import")]
    [InlineData("/AnswerPack")]
    public async Task The_changed_pages_open(string path)
    {
        var page = await app.SignInAsync("officer@clusterpact.demo");
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
    }
}
