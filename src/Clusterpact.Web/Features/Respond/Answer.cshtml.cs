using Clusterpact.Web.Features.Surveys;
using Microsoft.AspNetCore.Localization;

namespace Clusterpact.Web.Features.Respond;

/// <summary>
/// The page a member opens from the personal link in the invitation: no account, one answer per link. The link's
/// secret is in the path; only its hash is in the database.
/// </summary>
public sealed class AnswerModel(OpenSurveyLink links, AnswerSurvey answer) : PageModel
{
    public Survey? Survey { get; private set; }
    public string? Problem { get; private set; }
    public bool Done { get; private set; }
    public IReadOnlyDictionary<Guid, string> ProblemByQuestion { get; private set; } = new Dictionary<Guid, string>();
    public bool English => Infrastructure.Localization.Cultures.IsEnglish;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        if (Survey is null || Problem is not null) return Page();
        var inputs = Survey.Questions.Select(Read).ToList();
        var (stored, problems, problem) = await answer.HandleAsync(new AnswerSurveyCommand(token, inputs), ct);
        if (problem is not null) { Problem = problem; return Page(); }
        if (!stored)
        {
            ProblemByQuestion = problems.ToDictionary(p => p.QuestionId, p => p.Code);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Done = true;
        return Page();
    }

    /// <summary>What the respondent typed for a question, to show again next to its problem.</summary>
    public IReadOnlyList<string> Posted(Guid questionId) => Request.HasFormContentType ? Request.Form[$"q_{questionId}"].Where(v => v is not null).Select(v => v!).ToList() : [];

    private AnswerInput Read(SurveyQuestion q)
    {
        var values = Posted(q.Id);
        var first = values.FirstOrDefault();
        return q.Kind switch
        {
            QuestionKind.SingleChoice or QuestionKind.MultipleChoice => new(q.Id, values.Select(v => int.TryParse(v, out var i) ? i : -1).ToList(), null, null, null),
            QuestionKind.Scale => new(q.Id, [], int.TryParse(first, out var s) ? s : string.IsNullOrWhiteSpace(first) ? null : int.MinValue, null, null),
            QuestionKind.Number => new(q.Id, [], null, BelgianFormats.ParseNumber(first), null),
            _ => new(q.Id, [], null, null, first),
        };
    }

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        var (invitation, survey, problem) = await links.HandleAsync(token, ct);
        (Survey, Problem) = (survey, problem);
        // The invitation's language, unless the respondent chose one with the switch.
        if (invitation is { English: true } && !Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName))
        {
            var en = Infrastructure.Localization.Cultures.Resolve("en-BE");
            CultureInfo.CurrentCulture = en;
            CultureInfo.CurrentUICulture = en;
        }
    }
}
