using System.Diagnostics;

namespace Clusterpact.Web.Features;

/// <summary>The friendly error page: a status code or an unexpected failure, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        // A status set before the error page runs (a request refused while it was read: 400, 413) stays; anything else is ours.
        Code = code is >= 400 and < 600 ? code.Value : Response.StatusCode is >= 400 and < 500 ? Response.StatusCode : 500;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Code;
    }
}
