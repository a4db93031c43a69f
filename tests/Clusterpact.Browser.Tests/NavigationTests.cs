namespace Clusterpact.Browser.Tests;

/// <summary>
/// The main menu is grouped by the work people do, fits one line at 1366 px for the role with the most entries, and the
/// pages people open most fit a 390 px phone without scrolling sideways (issue 17, "Words and layout").
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NavigationTests(BrowserApp app)
{
    [Fact]
    public async Task The_administrators_menu_fits_one_line_at_1366_px_and_its_groups_hold_every_entry()
    {
        var page = await app.SignInAsync("admin@clusterpact.demo");
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "menu-1366.png") });
        var tops = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('#mainnav > .navbar-nav > li')].map(li => Math.round(li.getBoundingClientRect().top))");
        Assert.True(tops.Length >= 6, $"{tops.Length} top-level entries");
        Assert.Single(tops.Distinct());
        var header = await page.EvaluateAsync<double>("() => document.querySelector('.site-header .navbar').getBoundingClientRect().height");
        Assert.True(header < 70, $"the header is {header} px high: it wraps");
        var groups = await page.Locator("[data-menu]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-menu'))");
        Assert.Equal(["Programme", "Clusters", "Money", "Calls", "FollowUp", "Administration", "Account"], groups);
    }

    [Theory]
    [InlineData("officer@clusterpact.demo", "/Clusters")]
    [InlineData("officer@clusterpact.demo", "/Agreements")]
    [InlineData("officer@clusterpact.demo", "/Dashboard")]
    [InlineData("officer@clusterpact.demo", "/Agreements/Deadlines")]
    [InlineData("officer@clusterpact.demo", "/Kpis")]
    [InlineData("manager.catalisti@clusterpact.demo", "/Reports")]
    [InlineData("manager.catalisti@clusterpact.demo", "/Organisations")]
    [InlineData("applicant@clusterpact.demo", "/Apply")]
    public async Task A_page_fits_a_phone_without_scrolling_sideways(string email, string path)
    {
        var page = await app.SignInAsync(email);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(path);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        // Name the outermost elements that stick out, so a failure says where to look.
        var offenders = scroll <= client ? [] : await page.EvaluateAsync<string[]>(@"() => {
            const w = document.documentElement.clientWidth, out = [];
            for (const e of document.querySelectorAll('body *')) {
                if (e.getBoundingClientRect().right <= w + 1) continue;
                const p = e.parentElement; if (p && p !== document.body && p.getBoundingClientRect().right > w + 1) continue;
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().right));
            }
            return out.slice(0, 8); }");
        Assert.True(scroll <= client, $"{path} is {scroll} px wide in a {client} px window: {string.Join(", ", offenders)}");
    }
}
