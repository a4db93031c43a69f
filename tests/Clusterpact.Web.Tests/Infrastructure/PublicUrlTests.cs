using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>
/// One public base URL (App:BaseUrl) for every link the product writes. A forged Host header is refused by host
/// filtering; and where a proxy lets any Host through (AllowedHosts "*"), e-mails, open data, the OpenAPI document and
/// redirects still name only the configured address.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class PublicUrlTests(ClusterpactApp app)
{
    private const string Public = "https://clusterpact.vlaio.example";
    private static readonly Uri Forged = new("http://evil.example");

    [GeneratedRegex(@"https?://[^\s/]+")]
    private static partial Regex Origin();

    /// <summary>The shared application on the shared database, with any Host let through and a public address set.</summary>
    private WebApplicationFactory<Program> BehindAnyHost() => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("AllowedHosts", "*");
        b.UseSetting("App:BaseUrl", Public);
    });

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> host, string email)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Forged, AllowAutoRedirect = false });
        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Web.Data.Seed.DemoLogins.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task A_request_with_another_Host_is_refused_by_default()
    {
        var forged = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Forged, AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.BadRequest, (await forged.GetAsync("/OpenData")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await forged.GetAsync("/api/v1/open-data/360giving.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/OpenData")).StatusCode);
    }

    [Fact]
    public async Task Survey_invitation_links_use_the_configured_base_url_whatever_Host_is_sent()
    {
        using var host = BehindAnyHost();
        var officer = await SignedInAsync(host, Emails.Officer);
        var title = $"Basisadres {Guid.NewGuid():N}";
        var created = await officer.SubmitFormAsync("/Surveys", new Dictionary<string, string> { ["Title"] = title, ["Year"] = "2026", ["Standard"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = AccessAssert.Target(created).Split('/').Last();
        bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Surveys/{id}", new Dictionary<string, string>(), f => Handler(f, "Open"))).StatusCode);
        var form = (await officer.GetDocumentAsync($"/Surveys/{id}")).Forms.Single(f => Handler(f, "Invite"));
        var values = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => i.Type == "hidden").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        values.Add(new("Clusters", (await app.ClusterIdAsync("Flux50")).ToString()));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormRawAsync(form.GetAttribute("action")!, values)).StatusCode);

        var bodies = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.Subject.Contains(title)).Select(e => e.Body).ToListAsync());
        Assert.NotEmpty(bodies);
        Assert.All(bodies, b =>
        {
            Assert.Contains($"{Public}/s/", b, StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", b, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Open_data_the_OpenAPI_document_and_redirects_name_the_configured_base_url_whatever_Host_is_sent()
    {
        using var host = BehindAnyHost();
        var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Forged, AllowAutoRedirect = false });

        var package = await anonymous.GetStringAsync("/api/v1/open-data/360giving.json");
        Assert.DoesNotContain("evil.example", package, StringComparison.Ordinal);
        Assert.Contains($"\"{Public}/OpenData\"", package, StringComparison.Ordinal);

        using var openApi = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/public.json"));
        Assert.Equal([Public], openApi.RootElement.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()));

        var challenged = await anonymous.GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
        Assert.False(challenged.Headers.Location!.IsAbsoluteUri, $"redirect to {challenged.Headers.Location}");
        Assert.StartsWith("/Account/Login?ReturnUrl=", challenged.Headers.Location.OriginalString, StringComparison.Ordinal);
        var reader = await SignedInAsync(host, Emails.Reader);
        var denied = await reader.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.DoesNotMatch(Origin(), denied.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_identity_provider_is_asked_to_send_people_back_to_the_configured_base_url()
    {
        using var host = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("AllowedHosts", "*");
            b.UseSetting("App:BaseUrl", Public);
            b.UseSetting("Authentication:OpenIdConnect:Authority", "https://idp.agency.example/realms/vlaio");
            b.UseSetting("Authentication:OpenIdConnect:ClientId", "clusterpact");
            // The provider's metadata as a fixed document: the test reaches no network.
            b.ConfigureTestServices(s => s.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.Configuration = new OpenIdConnectConfiguration { AuthorizationEndpoint = "https://idp.agency.example/auth" };
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
            }));
        });
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Forged, AllowAutoRedirect = false });
        var challenge = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["provider"] = OpenIdConnectDefaults.AuthenticationScheme },
            f => f.GetAttribute("action")?.StartsWith("/Account/ExternalLogin", StringComparison.Ordinal) == true);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        Assert.Equal($"{Public}/signin-oidc", query["redirect_uri"].ToString());
    }
}
