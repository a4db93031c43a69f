namespace Clusterpact.Browser.Tests;

/// <summary>
/// Under the strict Content-Security-Policy the pages still work in a real browser: an officer and a cluster manager
/// walk their menu and the first records of each list, and the browser reports no violation (it would log each refused
/// script, style or connection); every chart on the way is drawn and sign-out is visible; the collapsed menu opens;
/// Scalar runs under its own, wider policy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserApp app)
{
    private const int RecordsPerPage = 2;

    /// <summary>Everything the browser says about the policy: console messages and securitypolicyviolation events.</summary>
    private sealed class Violations
    {
        private readonly List<string> _seen = [];
        public string Where { get; set; } = "";

        public static async Task<Violations> WatchAsync(IPage page)
        {
            var violations = new Violations();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
                    violations._seen.Add($"{violations.Where}: {message.Type}: {message.Text}");
            };
            page.PageError += (_, error) => violations._seen.Add($"{violations.Where}: script error: {error}");
            await page.Context.AddInitScriptAsync(
                "document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));");
            return violations;
        }

        /// <summary>No violation, other than the ones <paramref name="expected"/> names.</summary>
        public void AssertNone(Func<string, bool>? expected = null)
        {
            var unexpected = _seen.Where(v => expected is null || !expected(v)).ToList();
            Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        }
    }

    [Theory]
    [InlineData("officer@clusterpact.demo")]
    [InlineData("manager.catalisti@clusterpact.demo")]
    public async Task The_main_pages_run_without_a_policy_violation_and_draw_their_charts(string email)
    {
        var page = await app.NewPageAsync();
        var violations = await Violations.WatchAsync(page);
        await SignInAsync(page, email);

        var menu = await page.EvalOnSelectorAllAsync<string[]>("header a[href^='/']", "as => as.map(a => a.getAttribute('href'))");
        menu = menu.Where(h => !h.StartsWith("/scalar", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.True(menu.Length >= 8, $"{email} has a menu ({menu.Length} links)");
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var charts = 0;
        foreach (var path in menu)
        {
            charts += await VisitAsync(page, violations, path, visited);
            var records = await page.EvalOnSelectorAllAsync<string[]>("main a[href^='/']", "as => as.map(a => a.getAttribute('href'))");
            foreach (var record in records.Where(h => h.StartsWith(path + "/", StringComparison.Ordinal) && !h.Contains("format=", StringComparison.Ordinal) && !h.Contains("handler=", StringComparison.Ordinal) && !menu.Contains(h)).Distinct().Take(RecordsPerPage).ToList())
                charts += await VisitAsync(page, violations, record, visited);
        }
        violations.AssertNone();
        Assert.True(charts > 0, $"{email}'s walk drew at least one chart");
    }

    /// <summary>Opens a page, waits for its deferred scripts, and checks each chart canvas got its chart; returns how many.</summary>
    private async Task<int> VisitAsync(IPage page, Violations violations, string path, HashSet<string> visited)
    {
        if (!visited.Add(path)) return 0;
        violations.Where = path;
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        if (response is null || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal))) return 0;
        // Signing out is one click away on every page (ASVS 7.4.4).
        Assert.True(await page.Locator("header form[action='/Account/Logout'] button").IsVisibleAsync(), $"{path}: no visible sign-out");
        var charts = await page.EvalOnSelectorAllAsync<bool[]>("canvas[data-chart]", "cs => cs.map(c => !!(window.Chart && Chart.getChart(c)))");
        Assert.True(charts.All(drawn => drawn), $"{path}: {charts.Count(d => !d)} of {charts.Length} charts not drawn");
        return charts.Length;
    }

    [Fact]
    public async Task The_collapsed_menu_opens_on_a_narrow_screen()
    {
        var page = await app.NewPageAsync();
        var violations = await Violations.WatchAsync(page);
        await page.SetViewportSizeAsync(480, 800);
        await SignInAsync(page, "officer@clusterpact.demo");
        var clusters = page.Locator("#mainnav").GetByRole(AriaRole.Link, new() { Name = "Clusters", Exact = true });
        Assert.False(await clusters.IsVisibleAsync());
        await page.Locator(".navbar-toggler").ClickAsync();
        await page.Locator("#mainnav").GetByRole(AriaRole.Button, new() { Name = "Clusters en leden", Exact = true }).ClickAsync();
        await clusters.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal("true", await page.Locator(".navbar-toggler").GetAttributeAsync("aria-expanded"));
        violations.AssertNone();
    }

    [Theory]
    [InlineData(null, "/openapi/public.json")]
    [InlineData("officer@clusterpact.demo", "/openapi/v1.json")]
    public async Task Scalar_shows_its_document_under_its_own_policy(string? email, string document)
    {
        var page = await app.NewPageAsync();
        var violations = await Violations.WatchAsync(page);
        if (email is not null) await SignInAsync(page, email);
        var documents = new List<string>();
        page.Response += (_, r) => { if (r.Url.Contains("/openapi/", StringComparison.Ordinal)) documents.Add($"{new Uri(r.Url).AbsolutePath} {r.Status}"); };
        violations.Where = "/scalar/";
        await page.GotoAsync("/scalar/");
        // The document's operations are drawn.
        await page.GetByText("/api/v1/", new() { Exact = false }).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, $"scalar-{(email is null ? "anonymous" : "officer")}.png") });
        Assert.Contains(document + " 200", documents);
        Assert.DoesNotContain(documents, d => !d.EndsWith(" 200", StringComparison.Ordinal));
        // Scalar's bundle includes Zod, which tests once whether it may compile code (try { Function('') } catch { use its
        // interpreter }). The policy refuses, as it should, and the browser reports that refusal; nothing else may be refused.
        violations.AssertNone(v => v.Contains("script-src eval ", StringComparison.Ordinal) && v.Contains("/scalar/scalar.js", StringComparison.Ordinal)
                                   || v.Contains("Evaluating a string as JavaScript", StringComparison.Ordinal));
    }

    /// <summary>Signs in on this page (so the violations watcher sees the login page too).</summary>
    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(DemoLogins.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
    }
}
