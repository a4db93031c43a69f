namespace Clusterpact.Web.Features.Agreements;

/// <summary>
/// Agency staff decide, with a note, that a working year's aid lapses because the deposit rule was not met; the API passes
/// the version it read (If-Match), the budget page's form none.
/// </summary>
public sealed class DecideLapse(AgreementBudgetAccess budget, TimeProvider clock) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid clusterId, Guid agreementId, Guid yearId, string note, long? version, CancellationToken ct) =>
        budget.ChangeYearAsync(clusterId, agreementId, yearId, allowManager: false, y => y.DecideLapse(clock.TodayInBrussels(), note), version, ct);
}
