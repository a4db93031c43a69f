namespace Clusterpact.Web.Features.Surveys;

/// <summary>A survey: its questionnaire (built while a draft), opening and closing, invitations and reminders, response rates per cluster.</summary>
public sealed class DetailsModel(GetSurvey get, ChangeSurvey change, InviteMembers invite, RemindMembers remind, IStringLocalizer<SharedResource> text) : PageModel
{
    public Survey Survey { get; private set; } = null!;
    public IReadOnlyList<ClusterRate> Rates { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> ClusterOptions { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty] public long Version { get; set; }
    [BindProperty] public QuestionKind Kind { get; set; }
    [BindProperty] public string? TextNl { get; set; }
    [BindProperty] public string? TextEn { get; set; }
    [BindProperty] public string? OptionsNl { get; set; }
    [BindProperty] public string? OptionsEn { get; set; }
    [BindProperty] public int? ScaleMin { get; set; } = 1;
    [BindProperty] public int? ScaleMax { get; set; } = 5;
    [BindProperty] public bool Required { get; set; } = true;
    [BindProperty] public Guid QuestionId { get; set; }
    [BindProperty] public int Direction { get; set; }
    [BindProperty] public List<Guid> Clusters { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostQuestionAsync(Guid id, CancellationToken ct) => RunAsync(id, "TextNl", (s, _) => s.AddQuestion(Kind, TextNl ?? "", TextEn, Lines(OptionsNl), Lines(OptionsEn), ScaleMin, ScaleMax, Required, null), ct);
    public Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) => RunAsync(id, "QuestionId", (s, _) => s.RemoveQuestion(QuestionId), ct);
    public Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken ct) => RunAsync(id, "QuestionId", (s, _) => s.MoveQuestion(QuestionId, Direction), ct);
    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) => RunAsync(id, "Status", (s, today) => s.Open(today), ct);
    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => RunAsync(id, "Status", (s, today) => s.Close(today), ct);

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct) =>
        await SentAsync(id, await invite.HandleAsync(new InviteMembersCommand(id, Clusters, Version), ct), "Flash.Invited", ct);

    public async Task<IActionResult> OnPostRemindAsync(Guid id, CancellationToken ct) =>
        await SentAsync(id, await remind.HandleAsync(id, Version, ct), "Flash.Reminded", ct);

    /// <summary>Invitations and reminders: once sent, the flash says how many went out.</summary>
    private async Task<IActionResult> SentAsync(Guid id, SurveyMailing sent, string flash, CancellationToken ct)
    {
        var answer = await CommandOutcomePage.HandleAsync(this, sent.Outcome, $"/Surveys/{id}", text, "Input", () => LoadAsync(id, ct));
        if (sent.Outcome.Status == CommandStatus.Ok)
        {
            TempData["Flash"] = flash;
            TempData["FlashCount"] = sent.Sent;
        }
        return answer;
    }

    private static List<string> Lines(string? s) => (s ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private async Task<IActionResult> RunAsync(Guid id, string field, Func<Survey, DateOnly, Domain.Common.Result> edit, CancellationToken ct) =>
        await CommandOutcomePage.HandleAsync(this, await change.HandleAsync(new ChangeSurveyCommand(id, Version, field, edit), ct), $"/Surveys/{id}", text, "Input", () => LoadAsync(id, ct));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } details) return false;
        (Survey, Rates, CanManage, ClusterOptions) = (details.Survey, details.Rates, details.CanManage, details.ClusterOptions);
        return true;
    }
}
