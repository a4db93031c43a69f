namespace Clusterpact.Web.Features.Surveys;

/// <summary>The member surveys with their response rate; agency staff start a new one (the standard questionnaire or an empty one).</summary>
public sealed class IndexModel(SurveyService surveys, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<SurveyRow> Rows { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public bool Standard { get; set; } = true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = await surveys.CanManageAsync();
        Rows = await surveys.ListAsync(ct);
        Year ??= surveys.Today.Year;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        CanManage = await surveys.CanManageAsync();
        var (outcome, id) = await surveys.CreateAsync(Title, Year ?? 0, Standard, ct);
        var answer = CommandOutcomePage.Handle(this, outcome, $"/Surveys/{id}", text, "Input");
        if (answer is PageResult) Rows = await surveys.ListAsync(ct);
        return answer;
    }
}
