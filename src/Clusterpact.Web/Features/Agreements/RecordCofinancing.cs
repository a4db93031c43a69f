namespace Clusterpact.Web.Features.Agreements;

/// <summary>Cofinancing paid in for a working year; <see cref="Version"/> is the year as the API read it (its If-Match), null from the page's form.</summary>
public sealed record RecordCofinancingCommand(Guid ClusterId, Guid AgreementId, Guid YearId, DateOnly PaidOn, decimal Amount, string? Reference, long? Version = null);

/// <summary>Agency staff or the cluster's manager record cofinancing the members paid in for a working year (the deposit rule counts it).</summary>
public sealed class RecordCofinancing(AgreementBudgetAccess budget) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(RecordCofinancingCommand cmd, CancellationToken ct) =>
        budget.ChangeYearAsync(cmd.ClusterId, cmd.AgreementId, cmd.YearId, allowManager: true, y => y.RecordCofinancing(cmd.PaidOn, cmd.Amount, cmd.Reference), cmd.Version, ct);
}
