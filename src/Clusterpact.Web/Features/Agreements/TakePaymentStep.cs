namespace Clusterpact.Web.Features.Agreements;

/// <summary>
/// Agency staff approve, reject or mark paid an aid payment, as its lifecycle table and the four-eyes rule allow (not the
/// person who requested it), at the version they saw. The budget page and the payments API take the same step.
/// </summary>
public sealed class TakePaymentStep(ClusterpactDbContext db, AgreementBudgetAccess budget, CurrentUser user, RecordActors actors, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid clusterId, Guid agreementId, Guid paymentId, long version, string step, CancellationToken ct)
    {
        if (await budget.FindAgreementAsync(clusterId, agreementId, ct) is null) return CommandOutcome.NotFound;
        var payment = await db.AidPayments.SingleOrDefaultAsync(p => p.Id == paymentId && p.AgreementId == agreementId, ct);
        if (payment is null) return CommandOutcome.NotFound;
        if (payment.Version != version) return CommandOutcome.Conflict;
        var result = payment.Take(step, await actors.OnClusterAsync(clusterId, ct), user.Id ?? Guid.Empty, clock.TodayInBrussels());
        if (!result.IsSuccess) return StepRefusal.Of<PaymentStatus>(result.Error!, "");
        return await db.SaveVersionedAsync(payment, version, ct);
    }
}
