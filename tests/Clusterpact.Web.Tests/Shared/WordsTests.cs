using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Clusterpact.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Clusterpact.Web.Tests.Shared;

/// <summary>An installation of its own: the words walk also sends every form back empty, which may change records.</summary>
public sealed class WordsApp : ClusterpactApp;

/// <summary>
/// Every page in both languages, as every demo login and anonymously, reads as people talk (issue 17, "Words and layout"):
/// no raw resource key ("Role.Applicant", "AnnualReport.Overdue"), no "{0}" left of a format, no English word on a Dutch
/// page ("Granted", "The Kpi field is required.", "text of 2014"), no Dutch word on an English page, and no demo-data
/// source ("seed 001"). The walk starts from every page route without a required parameter (the route table, as the route
/// tests read it), follows the links it finds (a few of each kind of page), and sends each form of a page back empty once,
/// so the messages of a refused form are read too. English is chosen with the language switch, as a person does.
/// </summary>
public sealed partial class WordsTests(WordsApp app) : IClassFixture<WordsApp>
{
    private const int PagesOfAKind = 2;
    private const int MaxPages = 160;

    private static readonly HtmlParser Parser = new();

    /// <summary>Status and form words the product says in Dutch; on a Dutch page they are an untranslated text.</summary>
    private static readonly string[] EnglishWords =
    [
        "Granted", "Refused", "Submitted", "Approved", "Draft", "Required", "Rejected", "Pending", "Returned", "Accepted",
        "Overdue", "Eligible", "Ineligible", "Withdrawn", "Cancelled", "Declined", "Awarded", "Decided", "Closed",
        "Save", "Cancel", "Delete", "Search", "Previous", "Next", "Back", "Yes", "No", "None", "Total", "Unknown",
        "field is required", "is not valid", "is invalid", "must be a number", "The value", "text of", "Sign in", "Sign out",
    ];

    /// <summary>And the other way round: Dutch words on an English page.</summary>
    private static readonly string[] DutchWords =
    [
        "Toegekend", "Geweigerd", "Ingediend", "Goedgekeurd", "Ontwerp", "verplicht", "Opslaan", "Annuleren", "Verwijderen",
        "Zoeken", "Vorige", "Volgende", "Terug", "Totaal", "Aanmelden", "Afmelden", "tekst van", "niet geldig", "Geen",
    ];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>A resource key: dotted words starting with a capital ("Role.Applicant", "Projects.Stage.Draft").</summary>
    [GeneratedRegex(@"(?<![\w./@:-])(?:[A-Z][a-z]+[A-Za-z]*\.){1,3}[A-Z][A-Za-z]+(?![\w(@/-])")]
    private static partial Regex RawKey();

    [GeneratedRegex(@"^(Clusterpact\.|System\.|Microsoft\.|ASP\.NET|St\.|Mr\.|Dr\.)")]
    private static partial Regex KnownDotted();

    [GeneratedRegex(@"\bseed\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeedSource();

    [GeneratedRegex(@"(/Account/Logout|/culture|handler=(Pdf|Xlsx|Csv|Export|Download|Excel)|format=|\.(pdf|xlsx|csv|zip|json|png|jpg)$|/scalar|/openapi|/api/|/Files/|/Download)", RegexOptions.IgnoreCase)]
    private static partial Regex Skip();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+", RegexOptions.IgnoreCase)]
    private static partial Regex Id();

    public static TheoryData<string, string> LoginsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var login in new[] { "", Emails.Admin, Emails.Officer, Emails.Reader, Emails.CatalistiManager, Emails.Expert, Emails.Applicant })
        foreach (var language in new[] { "nl", "en" })
            data.Add(login, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(LoginsAndLanguages))]
    public async Task Every_page_reads_in_its_own_language_without_keys_placeholders_or_demo_sources(string login, string language)
    {
        var client = login == "" ? app.Anonymous() : await app.SignedInAsync(login);
        // A signed-in person's choice is kept as their language: choose it each time, and give the Dutch back afterwards.
        await ChooseAsync(client, language);
        try
        {
            await ReadEveryPageAsync(client, login, language);
        }
        finally
        {
            if (login != "") await ChooseAsync(client, "nl");
        }
    }

    private static async Task ChooseAsync(HttpClient client, string language)
    {
        var switched = await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = language == "en" ? Cultures.EnglishName : Cultures.DutchName },
            f => f.GetAttribute("action") == "/culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
    }

    private async Task ReadEveryPageAsync(HttpClient client, string login, string language)
    {
        var findings = new List<string>();
        var queue = new Queue<string>(StartPages());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = 0;
        while (queue.TryDequeue(out var path) && read < MaxPages)
        {
            if (!seen.Add(path) || Skip().IsMatch(path)) continue;
            var kind = Id().Replace(path.Split('?')[0], "#") + "?" + string.Join("&", QueryNames(path));
            if (kinds.GetValueOrDefault(kind) >= PagesOfAKind) continue;
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;

            var response = await client.GetAsync(path);
            read++;
            if ((int)response.StatusCode >= 500) { findings.Add($"{path}: HTTP {(int)response.StatusCode}"); continue; }
            if (response.Content.Headers.ContentType?.MediaType != "text/html" || response.StatusCode != HttpStatusCode.OK) continue;
            var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            var lang = document.DocumentElement.GetAttribute("lang");
            Assert.True(lang == language, $"{path} is in '{lang}', not '{language}'");
            findings.AddRange(Problems(document, language).Select(p => $"{path}: {p}"));

            foreach (var href in document.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!))
                if (!href.StartsWith("//", StringComparison.Ordinal)) queue.Enqueue(href.Split('#')[0]);

            // Each form of the page sent back empty: the refused form's messages are words too.
            foreach (var form in document.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
                // The e-mail settings form saves the person's language with the choices (a post without its select
                // would switch the interface to Dutch): it is read, not posted.
                if (Skip().IsMatch(action) || action.StartsWith("/Account/Notifications", StringComparison.OrdinalIgnoreCase) || !form.Elements.Any(e => e is IHtmlInputElement { Type: "text" or "number" or "date" or "email" } or IHtmlTextAreaElement or IHtmlSelectElement)) continue;
                var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
                    .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
                var refused = await client.PostAsync(action, new FormUrlEncodedContent(fields));
                if ((int)refused.StatusCode >= 500) { findings.Add($"{path}: the empty form to {action} gives HTTP {(int)refused.StatusCode}"); continue; }
                if (refused.StatusCode != HttpStatusCode.OK || refused.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var answer = await Parser.ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
                findings.AddRange(Problems(answer, language).Select(p => $"{path}, sent empty to {action}: {p}"));
            }
        }
        Assert.True(read > (login == "" ? 3 : 10), $"only {read} pages read");
        Assert.True(findings.Count == 0, $"{(login == "" ? "anonymous" : login)} in {language}, {read} pages:\n" + string.Join("\n", findings.Distinct()));
    }

    [Theory]
    [InlineData("nl", "/Kpis?kpi=")]
    [InlineData("en", "/Kpis?kpi=")]
    [InlineData("nl", "/Kpis/Cluster/{catalisti}?kpi=")]
    public async Task An_empty_kpi_choice_shows_the_default_kpi_instead_of_the_frameworks_english_message(string language, string url)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        await ChooseAsync(officer, language);
        var page = await officer.GetDocumentAsync(url.Replace("{catalisti}", (await app.ClusterIdAsync("Catalisti")).ToString(), StringComparison.Ordinal));
        await ChooseAsync(officer, "nl");
        Assert.Null(page.QuerySelector("#error-summary"));
        Assert.Empty(Problems(page, language));
    }

    [Fact]
    public void A_required_value_without_a_message_of_its_own_is_said_in_the_users_language()
    {
        // The [Required] MVC infers for a non-nullable property has no message; it gets the shared key, as explicit ones do.
        var metadata = app.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.ModelBinding.IModelMetadataProvider>()
            .GetMetadataForType(typeof(Implicit)).Properties[nameof(Implicit.Name)]!;
        var required = metadata.ValidatorMetadata.OfType<System.ComponentModel.DataAnnotations.RequiredAttribute>().Single();
        Assert.Equal("Validation.Required", required.ErrorMessage);
    }

    private sealed class Implicit
    {
        public string Name { get; set; } = "";
    }

    /// <summary>What a person would trip over in the page's text, its title and the texts read out (labels, titles).</summary>
    private static IEnumerable<string> Problems(IHtmlDocument document, string language)
    {
        foreach (var ignored in document.QuerySelectorAll("script, style, template")) ignored.Remove();
        // Text node by text node, as a reader sees separate elements ("31 December." in one, the next line in another).
        var body = string.Join(" ", document.Body?.Descendants<AngleSharp.Dom.IText>().Select(t => t.Data) ?? []);
        var texts = new List<string> { document.Title ?? "", body };
        texts.AddRange(document.QuerySelectorAll("[title], [aria-label], [placeholder], [alt]")
            .SelectMany(e => new[] { e.GetAttribute("title"), e.GetAttribute("aria-label"), e.GetAttribute("placeholder"), e.GetAttribute("alt") })
            .Where(t => !string.IsNullOrEmpty(t))!);
        var text = string.Join("\n", texts);
        foreach (Match m in Placeholder().Matches(text)) yield return $"placeholder \"{Around(text, m)}\"";
        foreach (Match m in RawKey().Matches(text).Where(m => !KnownDotted().IsMatch(m.Value))) yield return $"raw key \"{m.Value}\" in \"{Around(text, m)}\"";
        foreach (Match m in SeedSource().Matches(text)) yield return $"demo source \"{Around(text, m)}\"";
        foreach (var word in language == "nl" ? EnglishWords : DutchWords)
            foreach (Match m in Regex.Matches(text, $@"(?<![\p{{L}}\d-]){Regex.Escape(word)}(?![\p{{L}}\d-])"))
                yield return $"{(language == "nl" ? "English" : "Dutch")} \"{word}\" in \"{Around(text, m)}\"";
    }

    private static string Around(string text, Match m)
    {
        var start = Math.Max(0, m.Index - 40);
        return Regex.Replace(text.Substring(start, Math.Min(text.Length - start, m.Length + 80)), @"\s+", " ").Trim();
    }

    private static IEnumerable<string> QueryNames(string path) =>
        path.Contains('?', StringComparison.Ordinal)
            ? path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)
            : [];

    /// <summary>Every Razor page whose route needs no value, as the route table has them.</summary>
    private IEnumerable<string> StartPages() =>
        new[] { "/" }.Concat(app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Where(e => e.RoutePattern.Parameters.All(p => p.IsOptional || p.Default is not null))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Select(t => Regex.Replace(t, @"/\{[^}]*\}", ""))
            // The error page answers 500 on purpose: it is what a failing request shows.
            .Where(t => !t.StartsWith("/Account/Logout", StringComparison.Ordinal) && !t.StartsWith("/Error", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal));
}
