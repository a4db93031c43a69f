namespace Clusterpact.Web.Features.Agreements;

/// <summary>
/// Agency staff request a tranche of a working year's aid. The year holds the cap: it is saved with the new payment (its
/// version rises), so when two requests read the same payments at the same moment the second fails on the year's stale
/// version and is refused, instead of both passing the cap.
/// </summary>
public sealed class RequestPayment(ClusterpactDbContext db, AgreementBudgetAccess budget, CurrentUser user, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid clusterId, Guid agreementId, Guid yearId, decimal amount, CancellationToken ct)
    {
        if (await budget.FindAgreementAsync(clusterId, agreementId, ct) is null) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff) || user.Id is not { } me) return CommandOutcome.Forbidden;
        // The year first, then its payments: a payment saved in between raised the year's version, so this request fails.
        var year = await db.AgreementYears.SingleOrDefaultAsync(y => y.Id == yearId && y.AgreementId == agreementId, ct);
        if (year is null) return CommandOutcome.NotFound;
        var payments = await db.AidPayments.AsNoTracking().Where(p => p.AgreementId == agreementId && p.YearIndex == year.YearIndex).ToListAsync(ct);
        var requested = year.RequestPayment(amount, payments, me, clock.TodayInBrussels());
        if (!requested.IsSuccess) return AgreementBudgetAccess.Invalid(requested.Error!);
        db.AidPayments.Add(requested.Value!);
        var saved = await db.SaveGuardedAsync(year, "Payment.ConcurrentRequest", ct);
        // The new payment's id, so the API can answer where it is read.
        return saved.Status == CommandStatus.Ok ? saved with { CreatedId = requested.Value!.Id } : saved;
    }
}
