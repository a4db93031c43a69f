using Clusterpact.Web.Infrastructure.Localization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Clusterpact.Web.Tests.Account;

[Collection(AppCollection.Name)]
public sealed partial class LocalisationTests(ClusterpactApp app)
{
    [Fact]
    public async Task Dutch_is_the_default_and_the_switch_changes_to_english()
    {
        var client = app.Anonymous();
        var dutch = await client.GetDocumentAsync("/");
        Assert.Equal("nl", dutch.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Aanmelden", dutch.Body!.TextContent, StringComparison.Ordinal);

        var switched = await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "en-BE", ["returnUrl"] = "/Accessibility" },
            f => f.GetAttribute("action") == "/culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Accessibility", switched.Headers.Location!.OriginalString);

        var english = await client.GetDocumentAsync("/");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Sign in", english.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Defect: the header's switch set only the cookie, so e-mails kept coming in the old language.</summary>
    [Fact]
    public async Task A_signed_in_person_who_switches_language_keeps_it_for_their_e_mails()
    {
        const string email = "expert2@clusterpact.demo";
        var client = await app.SignedInAsync(email);
        try
        {
            await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = Cultures.EnglishName, ["returnUrl"] = "/" },
                f => f.GetAttribute("action") == "/culture");
            Assert.Equal(Cultures.EnglishName, await PreferredCultureAsync(email));
        }
        finally
        {
            await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = Cultures.DutchName, ["returnUrl"] = "/" },
                f => f.GetAttribute("action") == "/culture");
        }
        Assert.Equal(Cultures.DutchName, await PreferredCultureAsync(email));
    }

    private async Task<string> PreferredCultureAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        return await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync();
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_site()
    {
        var client = app.Anonymous();
        var response = await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "en-BE", ["returnUrl"] = "//evil.example/" },
            f => f.GetAttribute("action") == "/culture");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    /// <summary>Every string key the UI uses exists in both the Dutch and the English resource file.</summary>
    [Fact]
    public void Every_key_used_in_the_ui_has_a_dutch_and_an_english_text()
    {
        var web = Path.Combine(RepoRoot(), "src", "Clusterpact.Web");
        var nl = Keys(Path.Combine(web, "Resources", "SharedResource.resx"));
        var en = Keys(Path.Combine(web, "Resources", "SharedResource.en.resx"));
        Assert.Equal(nl.Order(), en.Order());

        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.'))
            .ToHashSet();
        var missing = used.Where(k => !nl.Contains(k)).Order().ToList();
        Assert.True(missing.Count == 0, "Missing resource keys: " + string.Join(", ", missing));
    }

    private static HashSet<string> Keys(string path) =>
        XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    internal static string RepoRoot() => SourceTree.Root;

    // L["Key"], text["Key"], ErrorMessage = "Key", Name = "Key" (not a bound property's form name: BindProperty(Name = "Input.ClusterId")),
    // and the message codes handlers return.
    [GeneratedRegex(@"(?:L\[|text\[|ErrorMessage = |(?<!BindProperty\()Name = |Invalid\([^,]+, |ErrorCode: |""Flash""\] = |DomainError\()""([A-Z][A-Za-z]+\.[A-Za-z.]*)""")]
    private static partial Regex KeyUse();
}
