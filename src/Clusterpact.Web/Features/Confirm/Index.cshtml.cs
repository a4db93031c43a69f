using Clusterpact.Web.Infrastructure.Requests;

namespace Clusterpact.Web.Features.Confirm;

/// <summary>
/// The one confirmation step before anything is deleted or removed (docs/decisions/0013-confirmation-step.md). A delete button is a GET form to
/// this page naming the handler it would post to (<c>confirm.action</c>), the question (<c>confirm.question</c>, a
/// resource key under "Confirm."), what is deleted (<c>confirm.subject</c>) and where "Cancel" goes (<c>confirm.back</c>);
/// its other fields are carried unchanged into the POST that "Yes" sends, with the antiforgery token. It needs no
/// script, so it works under the strict CSP and without JavaScript.
/// </summary>
public sealed class IndexModel(IStringLocalizer<SharedResource> text) : PageModel
{
    public const string ActionField = "confirm.action";
    public const string QuestionField = "confirm.question";
    public const string SubjectField = "confirm.subject";
    public const string BackField = "confirm.back";
    public const string QuestionPrefix = "Confirm.";

    /// <summary>The handler "Yes" posts to; null when the link named none of this site's pages, and there is nothing to confirm.</summary>
    public string? Action { get; private set; }
    public string Question { get; private set; } = "";
    public string Back { get; private set; } = "/";
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; private set; } = [];

    public IActionResult OnGet()
    {
        var action = Request.Query[ActionField].ToString();
        Back = LocalUrl.IsLocal(Request.Query[BackField].ToString()) ? Request.Query[BackField].ToString() : "/";
        // The question posts only to a page of this site: a foreign or missing target leaves nothing to confirm.
        if (!LocalUrl.IsLocal(action) || action.StartsWith('~')) return Page();
        Action = action;
        var key = Request.Query[QuestionField].ToString();
        var subject = Request.Query[SubjectField].ToString();
        var question = key.StartsWith(QuestionPrefix, StringComparison.Ordinal) ? text[key, subject] : null;
        Question = question is { ResourceNotFound: false } ? question.Value : text["Confirm.Generic", subject].Value;
        Fields = Request.Query.Where(q => !q.Key.StartsWith("confirm.", StringComparison.Ordinal) && !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList();
        return Page();
    }
}
