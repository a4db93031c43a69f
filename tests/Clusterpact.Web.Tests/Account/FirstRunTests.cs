using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Clusterpact.Web.Infrastructure.Setup;

namespace Clusterpact.Web.Tests.Account;

/// <summary>
/// No default credentials: an installation started in Production with the settings it ships with creates no account,
/// prints a one-time link for the first administrator, and that link works once and not after it expires. Demo data
/// (with its published passwords) needs asking for, and in Production a flag that says so in words.
/// </summary>
[Collection(FreshInstallations.Name)]
public sealed partial class FirstRunTests
{
    [GeneratedRegex(@"https?://\S+/Account/Setup/[A-Za-z0-9_-]{40,}")]
    private static partial Regex SetupLink();

    /// <summary>Starts the installation and returns what it printed on its console.</summary>
    private static Task<string> StartAsync(FreshInstallation app) => Task.FromResult(app.Printed);

    private static Task<int> UserCountAsync(FreshInstallation app) => app.WithScopeAsync(sp => sp.GetRequiredService<ClusterpactDbContext>().Users.CountAsync());

    private static Dictionary<string, string> Administrator(string email) => new()
    {
        ["Input.Email"] = email, ["Input.DisplayName"] = "Eerste Beheerder", ["Input.Password"] = "First-admin-pass-2026", ["Input.RepeatPassword"] = "First-admin-pass-2026",
    };

    [Fact]
    public async Task A_production_start_with_default_settings_creates_no_account_and_prints_how_to_create_the_first()
    {
        await using var app = new FreshInstallation();
        var printed = await StartAsync(app);

        Assert.Equal(0, await UserCountAsync(app));
        Assert.DoesNotContain("clusterpact.demo", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(Web.Data.Seed.DemoLogins.Password, printed, StringComparison.Ordinal);
        Assert.Contains("No account exists yet", printed, StringComparison.Ordinal);
        // On the configured public address, not a guess from a request.
        Assert.StartsWith("http://localhost:5080/Account/Setup/", SetupLink().Match(printed).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_data_asked_for_in_production_is_refused_unless_a_flag_says_so()
    {
        await using var app = new FreshInstallation(settings: new Dictionary<string, string> { ["Demo:Load"] = "true" });
        var printed = await StartAsync(app);
        Assert.Equal(0, await UserCountAsync(app));
        Assert.Contains("Demo:AllowInProduction=true", printed, StringComparison.Ordinal);
        Assert.Matches(SetupLink(), printed);
    }

    [Fact]
    public async Task The_setup_link_creates_one_administrator_and_works_once()
    {
        await using var app = new FreshInstallation();
        var link = new Uri(SetupLink().Match(await StartAsync(app)).Value);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var mismatch = Administrator("beheer@agentschap.example");
        mismatch["Input.RepeatPassword"] = "Something-else-2026";
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync(link.PathAndQuery, mismatch)).StatusCode);
        Assert.Equal(0, await UserCountAsync(app));

        var created = await client.SubmitFormAsync(link.PathAndQuery, Administrator("beheer@agentschap.example"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/Account/Login", AccessAssert.Target(created));
        var roles = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ClusterpactDbContext>();
            return await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync();
        });
        Assert.Equal([Roles.Administrator], roles);

        // The same link again, or another guess, shows no form and creates nobody.
        var again = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.NotNull((await again.ParseAsync()).QuerySelector("[data-testid=setup-invalid]"));
        var antiforgery = (await client.GetDocumentAsync("/Account/Login")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var replay = await client.PostFormRawAsync(link.PathAndQuery, Administrator("tweede@agentschap.example").Append(new("__RequestVerificationToken", antiforgery)));
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Equal(1, await UserCountAsync(app));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Account/Setup/not-the-token-" + new string('x', 40))).StatusCode);
    }

    [Fact]
    public async Task The_setup_link_expires()
    {
        await using var app = new FreshInstallation();
        var link = new Uri(SetupLink().Match(await StartAsync(app)).Value);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.PathAndQuery)).StatusCode);

        app.Clock.Advance(FirstRunSetup.Validity);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link.PathAndQuery)).StatusCode);
    }

    [Fact]
    public void The_shipped_settings_ask_for_no_demo_and_the_default_run_profile_keeps_the_given_environment()
    {
        var web = Path.Combine(SourceTree.Root, "src", "Clusterpact.Web");
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(web, "appsettings.json")))!;
        Assert.False(settings["Demo"]!["Load"]!.GetValue<bool>());
        Assert.False(settings["Demo"]!["AllowInProduction"]!.GetValue<bool>());
        Assert.NotEqual("*", settings["AllowedHosts"]!.GetValue<string>());

        // `dotnet run` takes the first profile: it must not overrule ASPNETCORE_ENVIRONMENT=Production nor load the demo.
        var profiles = JsonNode.Parse(File.ReadAllText(Path.Combine(web, "Properties", "launchSettings.json")))!["profiles"]!.AsObject();
        var first = profiles.First().Value!;
        Assert.Null(first["environmentVariables"]);
        Assert.Equal("true", profiles["demo"]!["environmentVariables"]!["Demo__Load"]!.GetValue<string>());
    }
}
