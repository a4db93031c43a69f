using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>
/// The cookies a browser would keep, where a test can copy them: a session "captured" at some moment is replayed later
/// by another client, as someone who copied the cookie would.
/// </summary>
public sealed class CookieJar : DelegatingHandler
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public CookieJar(IReadOnlyDictionary<string, string>? start = null)
    {
        foreach (var (name, value) in start ?? new Dictionary<string, string>()) _cookies[name] = value;
    }

    /// <summary>A copy of the cookies held now.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() => new Dictionary<string, string>(_cookies, StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values) && SetCookieHeaderValue.TryParseList(values.ToList(), out var cookies))
        {
            foreach (var c in cookies)
            {
                var name = c.Name.ToString();
                // ASP.NET deletes a cookie by an empty value that expired in 1970.
                if (c.Value.Length == 0 || c.Expires < new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) || c.MaxAge <= TimeSpan.Zero) _cookies.Remove(name);
                else _cookies[name] = c.Value.ToString();
            }
        }
        return response;
    }
}

public static class CookieJarClients
{
    /// <summary>A client that does not follow redirects and keeps its cookies in <paramref name="jar"/>.</summary>
    public static HttpClient JarClient<TEntry>(this WebApplicationFactory<TEntry> app, CookieJar jar) where TEntry : class =>
        app.CreateDefaultClient(new Uri("http://localhost"), jar);

    /// <summary>Signs in through the real login form with a client whose cookies can be captured.</summary>
    public static async Task<(HttpClient Client, CookieJar Jar)> SignedInWithJarAsync<TEntry>(this WebApplicationFactory<TEntry> app, string email, string password) where TEntry : class
    {
        var jar = new CookieJar();
        var client = app.JarClient(jar);
        var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} gave {(int)response.StatusCode}");
        Assert.Contains(jar.Snapshot().Keys, k => k.StartsWith("clusterpact.auth", StringComparison.Ordinal));
        return (client, jar);
    }
}
