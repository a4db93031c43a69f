using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Shared;

/// <summary>The one way a page answers a command: redirect with a flash on success, 404/403, or the form again with the refusal next to its field.</summary>
public static class CommandOutcomePage
{
    /// <summary>
    /// Turns a command's outcome into the page's answer; a refusal is shown next to its field with the rule it cites. A page
    /// whose fields are plain names (several forms on one page) passes an empty prefix; a refusal of no field goes to the summary.
    /// The caller loads what the page shows when the answer is a <see cref="PageResult"/>, and the form keeps what was typed.
    /// </summary>
    public static IActionResult Handle(PageModel page, CommandOutcome outcome, string successUrl, IStringLocalizer text, string prefix)
    {
        switch (outcome.Status)
        {
            case CommandStatus.Ok:
                page.TempData["Flash"] = "Flash.Saved";
                return new RedirectResult(successUrl);
            case CommandStatus.NotFound: return new NotFoundResult();
            case CommandStatus.Forbidden: return new ForbidResult();
            case CommandStatus.Conflict:
                page.ModelState.AddModelError(string.Empty, text[outcome.ErrorCode!]);
                return new PageResult();
            default:
                page.ModelState.AddModelError(string.IsNullOrEmpty(prefix) || string.IsNullOrEmpty(outcome.Field) ? outcome.Field ?? "" : $"{prefix}.{outcome.Field}", text[outcome.ErrorCode!]);
                return new PageResult();
        }
    }

    /// <summary>
    /// <see cref="Handle"/> for a page that shows a record: when the form comes back (a refusal), the record is loaded again
    /// first, and a record that is gone by then is a 404.
    /// </summary>
    public static async Task<IActionResult> HandleAsync(PageModel page, CommandOutcome outcome, string successUrl, IStringLocalizer text, string prefix, Func<Task<bool>> reload)
    {
        var answer = Handle(page, outcome, successUrl, text, prefix);
        return answer is PageResult && !await reload() ? new NotFoundResult() : answer;
    }
}
