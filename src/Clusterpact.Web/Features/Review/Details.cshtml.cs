using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Review;

/// <summary>One assignment: declare first; then read the proposal, score each criterion with a justification, see the panel's scores.</summary>
public sealed class DetailsModel(GetReview getReview, GetReviewFile getFile, DeclareConflictOfInterest declare, ScoreApplication score, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class ScoreInput
    {
        public string Code { get; set; } = "";
        public string? Value { get; set; }
        public string? Justification { get; set; }
    }

    public ReviewView View { get; private set; } = null!;
    public bool English => Cultures.IsEnglish;

    [BindProperty] public long Version { get; set; }
    /// <summary>What the expert typed and chose on the declaration form, shown again when it is refused.</summary>
    public string? Explanation { get; private set; }
    public string? ChosenStep { get; private set; }

    /// <summary>The declarations the expert may make now (no conflict, conflict), from the assignment's table.</summary>
    public LifecycleActions Actions { get; private set; } = LifecycleActions.None;
    [BindProperty] public List<ScoreInput> Scores { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Scores = View.Call.Criteria.Select(c => View.Assignment.Scores.FirstOrDefault(s => s.CriterionCode == c.Code) is { } s
            ? new ScoreInput { Code = c.Code, Value = s.Value.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture), Justification = s.Justification }
            : new ScoreInput { Code = c.Code }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid attachment, CancellationToken ct) =>
        await getFile.HandleAsync(id, attachment, ct) is { } file ? new Infrastructure.Files.StoredFileDownload(file.Content, file.Attachment.FileName) : NotFound();

    /// <summary>The declaration: the step is the option chosen (none chosen is refused), the reason its explanation.</summary>
    public async Task<IActionResult> OnPostStepAsync(Guid id, string? step, string? reason, long version, CancellationToken ct)
    {
        (ChosenStep, Explanation) = (step, reason);
        return await HandleAsync(id, await declare.HandleAsync(id, version, step, reason, ct), ct);
    }

    public async Task<IActionResult> OnPostScoreAsync(Guid id, CancellationToken ct)
    {
        var lines = new List<ScoreLine>();
        foreach (var s in Scores)
        {
            var value = BelgianFormats.ParseNumber(s.Value);
            if (!string.IsNullOrWhiteSpace(s.Value) && value is null) ModelState.AddModelError($"Input.Scores_{s.Code}", text["Validation.Number", s.Value]);
            lines.Add(new ScoreLine(s.Code, value, s.Justification));
        }
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        return await HandleAsync(id, await score.HandleAsync(id, Version, lines, ct), ct);
    }

    private Task<IActionResult> HandleAsync(Guid id, CommandOutcome outcome, CancellationToken ct) =>
        CommandOutcomePage.HandleAsync(this, outcome, $"/Review/{id}", text, "Input", () => LoadAsync(id, ct));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await getReview.HandleAsync(id, ct);
        if (view is null) return false;
        View = view;
        Actions = LifecycleActions.For(AssignmentLifecycle.Rules, view.Assignment.Declaration, view.Actors, view.Assignment.Version,
            ownForm: AssignmentLifecycle.Rules.StepNames);
        return true;
    }
}
