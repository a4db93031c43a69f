using Clusterpact.Web.Data.Seed;
using Clusterpact.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Clusterpact.Web.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy the app hears plain HTTP; the proxy's X-Forwarded-Proto: https makes every cookie Secure
/// and sends HSTS, but only when the proxy is one the configuration names (default: this machine). Anyone else who sends
/// the header is not believed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ProxyTests(ClusterpactApp app)
{
    /// <summary>The address the request came from, as the test says (TestServer has no sockets).</summary>
    private const string PeerHeader = "X-Test-Peer";

    private WebApplicationFactory<Program> WithPeers(params (string Key, string Value)[] settings) => app.WithWebHostBuilder(b =>
    {
        foreach (var (key, value) in settings) b.UseSetting(key, value);
        b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new PeerFromHeader()));
    });

    [Fact]
    public async Task From_the_local_proxy_with_https_forwarded_every_cookie_is_secure_and_hsts_is_sent()
    {
        using var host = WithPeers();
        var browser = new ProxiedBrowser(host, peer: "127.0.0.1", forwardedProto: "https");

        var login = await browser.GetAsync("/Account/Login");
        Assert.Contains("max-age=31536000", SecurityHeaderAssert.Header(login, "Strict-Transport-Security"), StringComparison.Ordinal);
        AssertAllSecure(login, ".AspNetCore.Antiforgery.");

        var signIn = await browser.PostFormAsync("/Account/Login", login, new() { ["Input.Email"] = Emails.Officer, ["Input.Password"] = DemoLogins.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        AssertAllSecure(signIn, "clusterpact.auth");

        // The language choice is kept on the officer's account, which the whole collection shares: give back what other tests left.
        var before = await OfficerCultureAsync();
        var home = await browser.GetAsync("/");
        try
        {
            var culture = await browser.PostFormAsync("/culture", home, new() { ["culture"] = "en", ["returnUrl"] = "/" }, action: "/culture");
            Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
            AssertAllSecure(culture, ".AspNetCore.Culture");
        }
        finally
        {
            await browser.PostFormAsync("/culture", home, new() { ["culture"] = Cultures.Resolve(before).Name, ["returnUrl"] = "/" }, action: "/culture");
        }
        Assert.Equal(Cultures.Resolve(before).Name, Cultures.Resolve(await OfficerCultureAsync()).Name);
    }

    private Task<string> OfficerCultureAsync() => app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Officer).Select(u => u.PreferredCulture).SingleAsync());

    [Fact]
    public async Task Plain_http_without_a_proxy_sets_cookies_without_secure_and_sends_no_hsts()
    {
        using var host = WithPeers();
        var browser = new ProxiedBrowser(host, peer: "127.0.0.1", forwardedProto: null);
        var login = await browser.GetAsync("/Account/Login");
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
        Assert.All(SetCookies(login), c => Assert.DoesNotContain("secure", c.ToLowerInvariant().Split("; "), StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_stranger_sending_x_forwarded_proto_is_not_believed()
    {
        using var host = WithPeers();
        var stranger = new ProxiedBrowser(host, peer: "203.0.113.9", forwardedProto: "https");
        var login = await stranger.GetAsync("/Account/Login");
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
        Assert.All(SetCookies(login), c => Assert.DoesNotContain("secure", c.ToLowerInvariant().Split("; "), StringComparer.Ordinal));
    }

    [Fact]
    public async Task Configured_proxies_replace_the_loopback_default()
    {
        using var host = WithPeers(("ForwardedHeaders:KnownProxies:0", "10.1.2.3"), ("ForwardedHeaders:KnownNetworks:0", "192.168.50.0/24"));

        foreach (var proxy in new[] { "10.1.2.3", "192.168.50.17" })
        {
            var viaProxy = await new ProxiedBrowser(host, proxy, "https").GetAsync("/Account/Login");
            Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"), proxy);
            AssertAllSecure(viaProxy, ".AspNetCore.Antiforgery.");
        }

        var local = await new ProxiedBrowser(host, "127.0.0.1", "https").GetAsync("/Account/Login");
        Assert.False(local.Headers.Contains("Strict-Transport-Security"), "loopback is no longer a known proxy once proxies are configured");
    }

    private static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    private static void AssertAllSecure(HttpResponseMessage response, string expectedCookie)
    {
        var cookies = SetCookies(response);
        Assert.Contains(cookies, c => c.StartsWith(expectedCookie, StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            var attributes = c.ToLowerInvariant().Split("; ");
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
        });
    }

    /// <summary>Sets the connection's remote address from a test header, before anything of the app runs.</summary>
    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(PeerHeader, out var peer)) http.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    /// <summary>
    /// A browser talking to the proxy over HTTPS, seen from behind it: plain HTTP with the proxy's headers. It keeps
    /// cookies whatever their Secure flag (the browser-to-proxy leg is HTTPS) and follows no redirects.
    /// </summary>
    private sealed class ProxiedBrowser
    {
        private readonly HttpClient _client;
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        public ProxiedBrowser(WebApplicationFactory<Program> host, string peer, string? forwardedProto)
        {
            _client = host.CreateDefaultClient();
            _client.DefaultRequestHeaders.Add(PeerHeader, peer);
            if (forwardedProto is not null)
            {
                _client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
                _client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");
            }
        }

        public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        /// <summary>Posts the first form of <paramref name="page"/> (or the one with <paramref name="action"/>) with its hidden fields.</summary>
        public async Task<HttpResponseMessage> PostFormAsync(string path, HttpResponseMessage page, Dictionary<string, string> values, string? action = null)
        {
            var doc = await page.ParseAsync();
            var form = doc.Forms.First(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase) && (action is null || f.GetAttribute("action") == action));
            var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
                .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name) && !values.ContainsKey(i.Name!))
                .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).Concat(values).ToList();
            return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
            var response = await _client.SendAsync(request);
            foreach (var cookie in SetCookies(response))
            {
                var pair = cookie.Split(';')[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                if (value.Length == 0) _cookies.Remove(name); else _cookies[name] = value;
            }
            return response;
        }
    }
}
