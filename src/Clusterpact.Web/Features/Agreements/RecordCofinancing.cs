namespace Clusterpact.Web.Features.Agreements;

/// <summary>Agency staff or the cluster's manager record cofinancing the members paid in for a working year (the deposit rule counts it).</summary>
public sealed class RecordCofinancing(AgreementBudgetAccess budget) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid clusterId, Guid agreementId, Guid yearId, DateOnly paidOn, decimal amount, string? reference, CancellationToken ct) =>
        budget.ChangeYearAsync(clusterId, agreementId, yearId, allowManager: true, y => y.RecordCofinancing(paidOn, amount, reference), ct);
}
