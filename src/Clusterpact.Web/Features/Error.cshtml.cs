using System.Diagnostics;

namespace Clusterpact.Web.Features;

/// <summary>The friendly error page: a status code or an unexpected failure, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;
    public string? RequestId { get; private set; }

    // The code is read from the query by hand: binding a parameter would read the form of the request that failed,
    // which throws again when that form was refused (an invalid antiforgery token, over the size limits).
    public void OnGet() => Set();

    public void OnPost() => Set();

    private void Set()
    {
        int? code = int.TryParse(Request.Query["code"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
        // A status set before the error page runs (a request refused while it was read: 400, 413) stays; anything else is ours.
        Code = code is >= 400 and < 600 ? code.Value : Response.StatusCode is >= 400 and < 500 ? Response.StatusCode : 500;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Code;
    }
}
