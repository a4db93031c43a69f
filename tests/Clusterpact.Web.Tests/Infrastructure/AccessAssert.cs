namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>
/// How a refusal looks from outside: a signed-in user who may not is redirected to the access-denied page, an
/// anonymous caller to sign-in. One place for the checks that every area's role-rule tests make.
/// </summary>
public static class AccessAssert
{
    /// <summary>The response is a redirect to the access-denied page.</summary>
    public static void Denied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", Target(response), StringComparison.Ordinal);
    }

    /// <summary>Path and query of a redirect; the product writes them without scheme and host (never the request's Host).</summary>
    public static string Target(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    /// <summary>The response is a redirect to the sign-in page.</summary>
    public static void SentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", Target(response), StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="email"/> gets <paramref name="expected"/> for a page; where that is a redirect, it is to the
    /// access-denied page (not to sign-in, not elsewhere).
    /// </summary>
    public static async Task PageFollowsRuleAsync(this ClusterpactApp app, string email, string path, HttpStatusCode expected)
    {
        var response = await (await app.SignedInAsync(email)).GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
            Denied(response);
    }

    /// <summary>Every one of <paramref name="emails"/> is refused every one of <paramref name="paths"/>.</summary>
    public static async Task AllDeniedAsync(this ClusterpactApp app, IEnumerable<string> emails, params string[] paths)
    {
        foreach (var email in emails)
        {
            var client = await app.SignedInAsync(email);
            foreach (var path in paths)
                Denied(await client.GetAsync(path));
        }
    }
}
