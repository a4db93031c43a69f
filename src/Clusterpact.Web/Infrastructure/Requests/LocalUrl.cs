namespace Clusterpact.Web.Infrastructure.Requests;

/// <summary>Where a "return to" parameter may send the browser: a path on this site, never another host, never a header break.</summary>
public static class LocalUrl
{
    /// <summary>
    /// The same rule as <c>Url.IsLocalUrl</c> (which pages use): starts with one '/' (not "//" or "/\"), or "~/", and
    /// has no control character, which would otherwise reach the Location header (and LocalRedirect throws on it).
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || url.Any(char.IsControl)) return false;
        if (url[0] == '/') return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        return url.Length > 1 && url[0] == '~' && url[1] == '/' && (url.Length == 2 || (url[2] != '/' && url[2] != '\\'));
    }

    /// <summary><paramref name="url"/> when it is local, otherwise the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
