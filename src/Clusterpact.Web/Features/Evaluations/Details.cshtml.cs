using Clusterpact.Web.Infrastructure.Audit;
using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Evaluations;

/// <summary>One evaluation: its stages, people, evidence, findings and recommendations with follow-up, and its outcome.</summary>
public sealed class DetailsModel(GetEvaluation get, TakeEvaluationStep takeStep, ChangeEvaluation change, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public Evaluation Evaluation { get; private set; } = null!;
    public string? ClusterName { get; private set; }
    public bool CanManage { get; private set; }
    public DateOnly Today => clock.TodayInBrussels();

    [BindProperty] public long Version { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public EvaluationOutcome? Outcome { get; set; }
    [BindProperty] public string? Conditions { get; set; }
    [BindProperty] public string? Conclusion { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public ParticipantRole Role { get; set; }
    [BindProperty] public EvidenceKind EvidenceKind { get; set; }
    [BindProperty] public string? EvidenceTitle { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Finding { get; set; }
    [BindProperty] public string? Recommendation { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public DateOnly? Due { get; set; }
    [BindProperty] public Guid RecommendationId { get; set; }
    [BindProperty] public FollowUpStatus FollowUpStatus { get; set; }
    [BindProperty] public string? FollowUpNote { get; set; }

    /// <summary>The stages the person may move the evaluation to now, from its table; each has a form with its date (the decision with its outcome).</summary>
    public IReadOnlyList<LifecycleStep<EvaluationStage>> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>One handler for the lifecycle's steps, checked by the evaluation against its table with the person's actors.</summary>
    public async Task<IActionResult> OnPostStepAsync(Guid id, string step, string? reason, long version, CancellationToken ct)
    {
        var outcome = await takeStep.HandleAsync(new EvaluationStepCommand(id, version, step, On ?? Today, Outcome, Conditions, Conclusion), ct);
        return await AnswerAsync(id, outcome, ct);
    }

    public Task<IActionResult> OnPostParticipantAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "Name", e => e.AddParticipant(Name ?? "", Organisation, Role), ct);

    public Task<IActionResult> OnPostEvidenceAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "EvidenceTitle", e => e.AddEvidence(EvidenceKind, EvidenceTitle ?? "", Reference, Today), ct);

    public Task<IActionResult> OnPostRecommendationAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "Finding", e => e.AddRecommendation(Finding ?? "", Recommendation ?? "", Owner, Due), ct);

    public Task<IActionResult> OnPostFollowUpAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "FollowUpNote", e => e.FollowUp(RecommendationId, FollowUpStatus, FollowUpNote), ct);

    private async Task<IActionResult> RunAsync(Guid id, string field, Func<Evaluation, Domain.Common.Result> edit, CancellationToken ct) =>
        await AnswerAsync(id, await change.HandleAsync(new ChangeEvaluationCommand(id, Version, field, edit), ct), ct);

    private Task<IActionResult> AnswerAsync(Guid id, CommandOutcome outcome, CancellationToken ct) =>
        CommandOutcomePage.HandleAsync(this, outcome, $"/Evaluations/{id}", text, "Input", () => LoadAsync(id, ct));

    /// <summary>Who decided the evaluation, from the audit trail (the evaluation keeps the day).</summary>
    public string? DecidedBy { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await get.HandleAsync(id, ct);
        if (found is null) return false;
        (Evaluation, ClusterName, Steps, CanManage, DecidedBy) = found;
        return true;
    }
}
