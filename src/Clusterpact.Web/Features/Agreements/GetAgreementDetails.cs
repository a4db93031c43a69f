using Clusterpact.Web.Infrastructure.Audit;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>An evaluation of the agreement's cluster, with who decided it and when (the person from the audit trail).</summary>
public sealed record AgreementEvaluation(Guid Id, string Title, EvaluationKind Kind, EvaluationStage Stage, EvaluationOutcome? Outcome, DateOnly? DecidedOn, string? DecidedBy);

/// <summary>What the agreement's own page shows: its money (<see cref="GetAgreementBudget"/>) and the cluster's evaluations.</summary>
public sealed record AgreementDetails(AgreementBudget Budget, IReadOnlyList<AgreementEvaluation> Evaluations);

/// <summary>
/// One support agreement's page in one handler: the budget as <see cref="GetAgreementBudget"/> scopes it (null when the
/// caller does not see the agreement), and the cluster's evaluations in the order they were decided, with the decider.
/// </summary>
public sealed class GetAgreementDetails(GetAgreementBudget getBudget, Scope scope, ClusterpactDbContext db) : IUseCase
{
    public async Task<AgreementDetails?> HandleAsync(Guid clusterId, Guid agreementId, CancellationToken ct)
    {
        if (await getBudget.HandleAsync(clusterId, agreementId, ct) is not { } budget) return null;
        var evaluations = await scope.Evaluations().AsNoTracking().Where(e => e.ClusterId == clusterId)
            .Select(e => new { e.Id, e.Title, e.Kind, e.Stage, e.Outcome, e.DecidedOn }).ToListAsync(ct);
        var decided = await db.DecisionsAsync(nameof(Evaluation), evaluations.Where(e => e.Stage == EvaluationStage.Decided).Select(e => e.Id).ToList(),
            nameof(Evaluation.Stage), [nameof(EvaluationStage.Decided)], ct);
        return new AgreementDetails(budget, evaluations.OrderBy(e => e.DecidedOn ?? DateOnly.MaxValue).ThenBy(e => e.Title, StringComparer.CurrentCulture)
            .Select(e => new AgreementEvaluation(e.Id, e.Title, e.Kind, e.Stage, e.Outcome, e.DecidedOn, decided.TryGetValue(e.Id, out var d) ? d.By : null)).ToList());
    }
}
