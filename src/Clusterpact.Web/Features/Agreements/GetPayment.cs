namespace Clusterpact.Web.Features.Agreements;

/// <summary>An aid payment and the cluster of its agreement.</summary>
public sealed record PaymentOf(AidPayment Payment, Guid ClusterId);

/// <summary>One aid payment of an agreement the caller sees; null when there is none or it is not the caller's.</summary>
public sealed class GetPayment(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public async Task<PaymentOf?> HandleAsync(Guid id, CancellationToken ct)
    {
        var payment = await db.AidPayments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (payment is null) return null;
        var cluster = await scope.Agreements().Where(a => a.Id == payment.AgreementId).Select(a => (Guid?)a.ClusterId).SingleOrDefaultAsync(ct);
        return cluster is { } c ? new PaymentOf(payment, c) : null;
    }
}
