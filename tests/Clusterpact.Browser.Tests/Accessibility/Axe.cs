using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Xunit.Sdk;

[assembly: Clusterpact.Browser.Tests.Accessibility.NoAxeViolations]

namespace Clusterpact.Browser.Tests.Accessibility;

/// <summary>
/// axe-core (WCAG 2.1 A and AA) checks every page the browser tests open (issue 17, "Acceptance").
/// <see cref="BrowserApp.NewPageAsync"/> hands every browser context to <see cref="WatchAsync"/>: the vendored axe.min.js
/// (npm axe-core 4.14.1, MPL-2.0, its licence header kept in the file) is added as an init script, which the browser runs
/// in every document outside the page's Content-Security-Policy, so the product's policy stays as strict as it is. Each
/// HTML document is checked once it has loaded, and each page still open is checked again in its final state when the test
/// ends (a dialog opened, a form refused); the results come back through an exposed binding. A document the test left
/// before axe had finished (a click right after loading) is opened again, in the same session, and checked then. The assembly-wide
/// <see cref="NoAxeViolationsAttribute"/> then fails the test
/// that visited a page with a violation.
/// </summary>
public static class Axe
{
    private static readonly string Script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe.min.js"));

    /// <summary>
    /// <c>window.__axeCheck()</c>, run at load and on request: runs axe (one run at a time) and reports the violations (rule,
    /// impact, help, the first elements) as JSON through <c>__axeReport</c>; nothing for what is not a page of the site
    /// (about:blank, JSON, PDF).
    /// </summary>
    private const string Runner = """
        (() => {
          if (window.top !== window || !window.axe) return;
          let last = Promise.resolve();
          const once = () => {
            if (!/^https?:$/.test(location.protocol) || document.contentType !== 'text/html') return Promise.resolve();
            const url = location.pathname + location.search;
            return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
              .then(r => JSON.stringify({ url, violations: r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 6).map(n => n.target.join(' ') + ' - ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300)) })) }))
              .catch(e => JSON.stringify({ url, error: String(e) }))
              .then(json => window.__axeReport(json));
          };
          window.__axeCheck = () => (last = last.then(once, once));
          window.addEventListener('load', () => setTimeout(window.__axeCheck, 0));
        })();
        """;

    private static readonly ConcurrentQueue<string> Found = new();
    private static readonly ConcurrentBag<IBrowserContext> Contexts = [];

    /// <summary>Every document a page of a context showed (path and query, as axe reports it → the full address).</summary>
    private static readonly ConcurrentDictionary<IBrowserContext, ConcurrentDictionary<string, string>> Visited = new();

    /// <summary>The documents axe has reported on, with or without violations.</summary>
    private static readonly ConcurrentDictionary<string, byte> Checked = new();

    public static async Task WatchAsync(IBrowserContext context)
    {
        await context.ExposeBindingAsync("__axeReport", (BindingSource _, string json) => Record(json));
        await context.AddInitScriptAsync(Script + "\n" + Runner);
        var visited = Visited.GetOrAdd(context, _ => new());
        context.Page += (_, page) => page.FrameNavigated += (_, frame) =>
        {
            if (frame != page.MainFrame || !Uri.TryCreate(frame.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")) return;
            visited.TryAdd(url.PathAndQuery, url.AbsoluteUri);
        };
        Contexts.Add(context);
    }

    /// <summary>
    /// Opens again, in the test's own session, each document the test left before axe reported on it, and checks it there.
    /// A download or a page that is gone by now is skipped: what cannot be shown cannot be checked.
    /// </summary>
    internal static async Task CheckMissedAsync(IBrowserContext context)
    {
        if (!Visited.TryGetValue(context, out var visited)) return;
        var missed = visited.Where(v => !Checked.ContainsKey(v.Key)).Select(v => v.Value).ToList();
        if (missed.Count == 0) return;
        var page = await context.NewPageAsync();
        foreach (var url in missed)
        {
            try
            {
                var response = await page.GotoAsync(url, new() { Timeout = 15_000 });
                if (response is null || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal))) continue;
                await CheckAsync(page);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // A download, or a document that no longer opens.
            }
        }
    }

    /// <summary>Checks the document the page shows now (its final state); the report comes back through the binding.</summary>
    private static async Task CheckAsync(IPage page)
    {
        if (page.IsClosed) return;
        try
        {
            await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 10_000 });
            await page.EvaluateAsync("() => window.__axeCheck && window.__axeCheck()");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // The page was navigating or closing while the test ended; its documents were checked when they loaded.
        }
    }

    private static void Record(string? json)
    {
        if (json is null) return;
        using var doc = JsonDocument.Parse(json);
        var url = doc.RootElement.GetProperty("url").GetString()!;
        Checked.TryAdd(url, 0);
        if (doc.RootElement.TryGetProperty("error", out var error))
        {
            Found.Enqueue($"{url}: axe could not run: {error.GetString()}");
            return;
        }
        foreach (var v in doc.RootElement.GetProperty("violations").EnumerateArray())
            Found.Enqueue($"{url}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}\n      "
                          + string.Join("\n      ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())));
    }

    /// <summary>The documents axe has reported on so far in this test (path and query).</summary>
    internal static IReadOnlyCollection<string> CheckedDocuments => [.. Checked.Keys];

    /// <summary>Forgets what an earlier test left (its contexts are closed by then).</summary>
    internal static void Reset()
    {
        Found.Clear();
        Contexts.Clear();
        Visited.Clear();
        Checked.Clear();
    }

    /// <summary>Checks each page still open in its final state, closes the test's contexts, and returns every violation seen.</summary>
    internal static async Task<IReadOnlyList<string>> FinishAsync()
    {
        foreach (var context in Contexts.Distinct())
        {
            foreach (var page in context.Pages) await CheckAsync(page);
            await CheckMissedAsync(context);
            await context.CloseAsync();
        }
        var found = Found.Distinct().ToList();
        Reset();
        return found;
    }
}

/// <summary>After every browser test: no page it visited breaks a WCAG 2.1 A or AA rule axe can check.</summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoAxeViolationsAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) => Axe.Reset();

    public override void After(MethodInfo methodUnderTest)
    {
        // Off xUnit's synchronisation context, so Playwright's continuations do not wait for this blocked thread.
        var violations = Task.Run(Axe.FinishAsync).GetAwaiter().GetResult();
        if (violations.Count > 0)
            throw new XunitException($"axe-core (WCAG 2.1 A/AA) found {violations.Count} violation(s):\n  " + string.Join("\n  ", violations));
    }
}
