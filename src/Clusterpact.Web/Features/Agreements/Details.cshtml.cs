using Clusterpact.Web.Infrastructure.Audit;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>An evaluation of the agreement's cluster, with who decided it and when (the person from the audit trail).</summary>
public sealed record AgreementEvaluation(Guid Id, string Title, EvaluationKind Kind, EvaluationStage Stage, EvaluationOutcome? Outcome, DateOnly? DecidedOn, string? DecidedBy);

/// <summary>
/// One support agreement on a page of its own: its terms and amendments, its working years with the deposit rule, its
/// aid payments with who requested and who decided them, and the cluster's evaluations. Scoped as the working-year page
/// (agency staff and readers, the cluster's own managers); another cluster's agreement is a 404.
/// </summary>
public sealed class DetailsModel(GetAgreementBudget getBudget, Scope scope, ClusterpactDbContext db, TimeProvider clock) : PageModel
{
    public AgreementBudget Budget { get; private set; } = null!;
    public IReadOnlyList<AgreementEvaluation> Evaluations { get; private set; } = [];
    public DateOnly Today => clock.TodayInBrussels();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        if (await getBudget.HandleAsync(id, agreementId, ct) is not { } budget) return NotFound();
        Budget = budget;
        var evaluations = await scope.Evaluations().AsNoTracking().Where(e => e.ClusterId == id)
            .Select(e => new { e.Id, e.Title, e.Kind, e.Stage, e.Outcome, e.DecidedOn }).ToListAsync(ct);
        var decided = await db.DecisionsAsync(nameof(Evaluation), evaluations.Where(e => e.Stage == EvaluationStage.Decided).Select(e => e.Id).ToList(),
            nameof(Evaluation.Stage), [nameof(EvaluationStage.Decided)], ct);
        Evaluations = evaluations.OrderBy(e => e.DecidedOn ?? DateOnly.MaxValue).ThenBy(e => e.Title, StringComparer.CurrentCulture)
            .Select(e => new AgreementEvaluation(e.Id, e.Title, e.Kind, e.Stage, e.Outcome, e.DecidedOn, decided.TryGetValue(e.Id, out var d) ? d.By : null)).ToList();
        return Page();
    }
}
