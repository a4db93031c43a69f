namespace Clusterpact.Web.Features.Surveys;

/// <summary>The member surveys with their response rate; agency staff start a new one (the standard questionnaire or an empty one).</summary>
public sealed class IndexModel(ListSurveys list, CreateSurvey create, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<SurveyRow> Rows { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public bool Standard { get; set; } = true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var thisYear = await LoadAsync(ct);
        Year ??= thisYear;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await create.HandleAsync(new CreateSurveyCommand(Title, Year ?? 0, Standard), ct);
        var answer = CommandOutcomePage.Handle(this, outcome, $"/Surveys/{outcome.CreatedId}", text, "Input");
        if (answer is PageResult) await LoadAsync(ct);
        return answer;
    }

    /// <summary>The rows and the caller's rights; answers this year, the new survey's default.</summary>
    private async Task<int> LoadAsync(CancellationToken ct)
    {
        var surveys = await list.HandleAsync(ct);
        (Rows, CanManage) = (surveys.Rows, surveys.CanManage);
        return surveys.ThisYear;
    }
}
