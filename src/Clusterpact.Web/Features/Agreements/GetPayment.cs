namespace Clusterpact.Web.Features.Agreements;

/// <summary>An aid payment and the cluster of its agreement.</summary>
public sealed record PaymentOf(AidPayment Payment, Guid ClusterId);

/// <summary>One aid payment of an agreement the caller sees; null when there is none or it is not the caller's.</summary>
public sealed class GetPayment(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public Task<PaymentOf?> HandleAsync(Guid id, CancellationToken ct) =>
        (from x in db.AidPayments.AsNoTracking()
         join a in scope.Agreements() on x.AgreementId equals a.Id
         where x.Id == id
         select new PaymentOf(x, a.ClusterId)).SingleOrDefaultAsync(ct);
}
