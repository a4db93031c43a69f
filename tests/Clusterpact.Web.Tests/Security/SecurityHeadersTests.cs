using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clusterpact.Web.Tests.Security;

/// <summary>
/// Every answer carries the security headers of docs/security.md: pages, error pages, the API (answers and refusals)
/// and static files; HSTS over HTTPS only; no Server header from Kestrel; the one relaxation is Scalar's, on /scalar only.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(ClusterpactApp app)
{
    public static TheoryData<string> AnonymousPaths => new()
    {
        "/",                                  // a page
        "/Account/Login",                     // the sign-in form
        "/OpenData",                          // a public list
        "/does-not-exist",                    // an unknown path
        "/Error?code=404",                    // the friendly error page
        "/api/v1/open-data/awards",           // the public API
        "/api/v1/open-data/awards?year=x",    // an API refusal (400 problem)
        "/api/v1/clusters",                   // an API refusal (401 problem)
        "/openapi/public.json",               // the public OpenAPI document
        "/health",
        "/css/site.css",                      // static files
        "/js/charts.js",
        "/lib/bootstrap/bootstrap.min.css",
    };

    [Theory]
    [MemberData(nameof(AnonymousPaths))]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var response = await app.Anonymous().GetAsync(path);
        SecurityHeaderAssert.Strict(response);
    }

    [Theory]
    [InlineData(Emails.Officer, "/Dashboard")]
    [InlineData(Emails.Officer, "/api/v1/clusters")]
    [InlineData(Emails.CatalistiManager, "/Clusters")]
    [InlineData(Emails.CatalistiManager, "/Admin/Users")] // refused: a redirect carries them too
    public async Task Signed_in_pages_and_api_carry_them_too(string email, string path)
    {
        var response = await (await app.SignedInAsync(email)).GetAsync(path);
        SecurityHeaderAssert.Strict(response);
    }

    [Fact]
    public async Task The_policy_forbids_inline_script_plugins_foreign_bases_and_forms_and_framing()
    {
        var csp = SecurityHeaderAssert.Csp(await app.Anonymous().GetAsync("/"));
        Assert.Equal(["'self'"], csp["default-src"]);
        Assert.Equal(["'self'"], csp["script-src"]);
        Assert.Equal(["'self'"], csp["style-src"]);
        Assert.Equal(["'none'"], csp["object-src"]);
        Assert.Equal(["'none'"], csp["base-uri"]);
        Assert.Equal(["'self'"], csp["form-action"]);
        Assert.Equal(["'none'"], csp["frame-ancestors"]);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_for_a_year_with_subdomains_and_never_over_http()
    {
        var overHttp = await app.Anonymous().GetAsync("/");
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));

        var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var overHttps = await https.GetAsync("/");
        var hsts = string.Join(",", overHttps.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scalar_alone_may_use_inline_styles_and_its_scripts_carry_this_responses_nonce()
    {
        var first = await app.Anonymous().GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        SecurityHeaderAssert.Common(first);
        var csp = SecurityHeaderAssert.Csp(first);
        Assert.Contains("'unsafe-inline'", csp["style-src"]);
        Assert.DoesNotContain("'unsafe-inline'", csp["script-src"]);
        Assert.DoesNotContain("'unsafe-eval'", csp["script-src"]);
        Assert.Equal(["'none'"], csp["object-src"]);
        Assert.Equal(["'none'"], csp["frame-ancestors"]);
        var nonce = Assert.Single(csp["script-src"], s => s.StartsWith("'nonce-", StringComparison.Ordinal))[7..^1];

        var doc = await first.ParseAsync();
        var scripts = doc.QuerySelectorAll("script").ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Equal(nonce, s.GetAttribute("nonce")));

        var second = SecurityHeaderAssert.Csp(await app.Anonymous().GetAsync("/scalar/"));
        Assert.DoesNotContain("'nonce-" + nonce + "'", second["script-src"]);
    }

    [Fact]
    public async Task With_the_agency_identity_provider_configured_forms_may_be_redirected_to_it_only()
    {
        using var withOidc = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Authentication:OpenIdConnect:Authority", "https://idp.agency.example/realms/vlaio");
            b.UseSetting("Authentication:OpenIdConnect:ClientId", "clusterpact");
        });
        var response = await withOidc.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/Account/Login");
        var csp = SecurityHeaderAssert.Csp(response);
        Assert.Equal(["'self'", "https://idp.agency.example"], csp["form-action"]);
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        using var onKestrel = app.WithWebHostBuilder(_ => { });
        onKestrel.UseKestrel(0);
        onKestrel.StartServer();
        var address = onKestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        foreach (var path in new[] { "/", "/api/v1/open-data/awards", "/css/site.css", "/does-not-exist" })
        {
            var response = await http.GetAsync(path);
            Assert.False(response.Headers.Contains("Server"), $"{path} names the server: {string.Join(",", response.Headers.Server)}");
            SecurityHeaderAssert.Strict(response);
        }
    }
}

/// <summary>The headers every answer carries, read the way a browser reads them.</summary>
public static class SecurityHeaderAssert
{
    /// <summary>The default policy: everything from this origin, nothing inline, nothing evaluated.</summary>
    public static void Strict(HttpResponseMessage response)
    {
        Common(response);
        var csp = Csp(response);
        foreach (var directive in new[] { "default-src", "script-src", "style-src" })
        {
            Assert.True(csp.ContainsKey(directive), $"{response.RequestMessage!.RequestUri}: no {directive}");
            Assert.DoesNotContain("'unsafe-inline'", csp[directive]);
            Assert.DoesNotContain("'unsafe-eval'", csp[directive]);
            Assert.DoesNotContain("*", csp[directive]);
        }
        Assert.Equal(["'none'"], csp["object-src"]);
        Assert.Equal(["'none'"], csp["base-uri"]);
        Assert.Equal(["'none'"], csp["frame-ancestors"]);
        Assert.Contains("'self'", csp["form-action"]);
    }

    /// <summary>The headers beside the CSP, the same on every answer.</summary>
    public static void Common(HttpResponseMessage response)
    {
        var where = response.RequestMessage!.RequestUri!.PathAndQuery;
        Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{where}: no Content-Security-Policy");
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()" })
            Assert.Contains(feature, permissions, StringComparison.Ordinal);
    }

    public static string Header(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values), $"{response.RequestMessage!.RequestUri!.PathAndQuery}: no {name} header ({(int)response.StatusCode})");
        return string.Join(",", values!);
    }

    /// <summary>The Content-Security-Policy as directive → sources.</summary>
    public static IReadOnlyDictionary<string, string[]> Csp(HttpResponseMessage response) =>
        Header(response, "Content-Security-Policy").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..], StringComparer.Ordinal);
}
