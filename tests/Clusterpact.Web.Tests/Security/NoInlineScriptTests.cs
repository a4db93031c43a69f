using AngleSharp.Html.Dom;

namespace Clusterpact.Web.Tests.Security;

/// <summary>
/// The Content-Security-Policy allows scripts and styles from files only, so no rendered page may carry a script
/// without src (other than non-executable JSON data), an on* handler, a javascript: URL, a style attribute or a style
/// element: the browser would refuse it and the page would silently lose that part. Each role walks the pages of its
/// menu and the first records linked from each, as it sees them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NoInlineScriptTests(ClusterpactApp app)
{
    /// <summary>Script types a browser does not execute: data for charts.</summary>
    private static readonly HashSet<string> DataTypes = new(StringComparer.OrdinalIgnoreCase) { "application/json" };

    private const int RecordsPerPage = 2;

    public static TheoryData<string> Roles() =>
        ["", Emails.Admin, Emails.Officer, Emails.CatalistiManager, Emails.Reader, Emails.Expert, Emails.Applicant];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task No_page_has_inline_script_or_style(string email)
    {
        var client = email.Length == 0 ? app.Anonymous() : await app.SignedInAsync(email);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var findings = new List<string>();

        var home = await client.GetDocumentAsync("/");
        var menu = Links(home, home.QuerySelectorAll("header a[href], footer a[href]")).Prepend("/").Distinct().ToList();
        Assert.True(menu.Count >= 4, $"{email}: too few menu links to prove anything ({menu.Count})");
        var charts = 0;
        foreach (var path in menu)
        {
            var doc = await VisitAsync(client, path, visited, findings);
            if (doc is null) continue;
            charts += doc.QuerySelectorAll("canvas[data-chart]").Length;
            // The first records of a list: their pages are where most markup is.
            var records = Links(doc, doc.QuerySelectorAll("main a[href]"))
                .Where(h => h.StartsWith(path + "/", StringComparison.OrdinalIgnoreCase) && !menu.Contains(h))
                .Distinct().Take(RecordsPerPage);
            foreach (var record in records.ToList())
            {
                var recordDoc = await VisitAsync(client, record, visited, findings);
                if (recordDoc is not null) charts += recordDoc.QuerySelectorAll("canvas[data-chart]").Length;
            }
        }
        Assert.True(findings.Count == 0, $"{(email.Length == 0 ? "anonymous" : email)}:\n" + string.Join("\n", findings));
        Assert.True(visited.Count >= menu.Count, "every menu page was read");
        if (email is Emails.Officer or Emails.Reader) Assert.True(charts > 0, "the walk met at least one chart, so its data element was checked");
    }

    private static IEnumerable<string> Links(IHtmlDocument doc, IEnumerable<IElement> anchors) => anchors
        .Select(a => a.GetAttribute("href")!)
        .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal))
        // Files (exports, PDFs, the API browser) are not pages of this layout.
        .Where(h => !h.Contains("format=", StringComparison.OrdinalIgnoreCase) && !h.Contains("handler=", StringComparison.OrdinalIgnoreCase)
                    && !h.StartsWith("/api/", StringComparison.Ordinal) && !h.StartsWith("/scalar", StringComparison.Ordinal)
                    && !h.StartsWith("/openapi", StringComparison.Ordinal))
        .Select(h => h.Split('#')[0]);

    private static async Task<IHtmlDocument?> VisitAsync(HttpClient client, string path, HashSet<string> visited, List<string> findings)
    {
        if (!visited.Add(path)) return null;
        var response = await client.GetAsync(path);
        if (response.Content.Headers.ContentType?.MediaType != "text/html") return null;
        var doc = await response.ParseAsync();
        findings.AddRange(Inline(doc).Select(f => $"{path}: {f}"));
        return doc;
    }

    /// <summary>What a strict CSP refuses in a page, described so the failure says where.</summary>
    internal static IEnumerable<string> Inline(IHtmlDocument doc)
    {
        foreach (var script in doc.QuerySelectorAll("script"))
        {
            var type = script.GetAttribute("type");
            if (script.HasAttribute("src")) continue;
            if (type is not null && DataTypes.Contains(type)) continue;
            yield return "inline <script" + (type is null ? "" : $" type=\"{type}\"") + ">";
        }
        foreach (var element in doc.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    yield return $"<{element.LocalName} {attribute.Name}=\"…\">";
                else if (attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase))
                    yield return $"<{element.LocalName} style=\"{attribute.Value}\">";
                else if (attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                    yield return $"<{element.LocalName} {attribute.Name}=\"javascript:…\">";
            }
        }
        if (doc.QuerySelectorAll("style").Length > 0) yield return "<style> element";
    }

    /// <summary>The views themselves, for pages the walk cannot reach (a survey's secret answer link, an import in progress).</summary>
    [Fact]
    public void No_view_writes_inline_script_or_style()
    {
        var offenders = SourceTree.Files(".cshtml")
            .SelectMany(f => InlineInView(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(SourceTree.Root, f)}: {m}"))
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    private static readonly System.Text.RegularExpressions.Regex[] InViews =
    [
        new(@"<script\b(?![^>]*\bsrc=)(?![^>]*type=""application/json"")[^>]*>"),
        new(@"\sstyle\s*="),
        new(@"\son[a-z]+=[""']"),
        new(@"<style\b"),
        new(@"javascript:", System.Text.RegularExpressions.RegexOptions.IgnoreCase),
    ];

    internal static IEnumerable<string> InlineInView(string view) => InViews.SelectMany(r => r.Matches(view)).Select(m => m.Value.Trim());

    [Fact]
    public void The_view_check_finds_each_kind_of_inline_code()
    {
        Assert.Empty(InlineInView("<script src=\"~/js/charts.js\" defer></script><script type=\"application/json\" id=\"@Model.DataId\">@Html.Raw(x)</script><p class=\"text-preline\">"));
        Assert.Equal(6, InlineInView("<script>go()</script><div style=\"width: @pct%\"></div><button onclick=\"go()\"></button><style>p{}</style><a href=\"javascript:go()\"><script type=\"module\">").Count());
    }

    [Fact]
    public void The_check_finds_each_kind_of_inline_code()
    {
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            "<script>alert(1)</script><script type=\"module\">x()</script><script type=\"application/json\">{}</script>" +
            "<script src=\"/js/charts.js\"></script><button onclick=\"go()\">b</button><a href=\"javascript:go()\">a</a>" +
            "<div style=\"width: 5%\"></div><style>p{}</style>");
        Assert.Equal(6, Inline(doc).Count());
    }
}
