using Clusterpact.Web.Infrastructure.Requests;

namespace Clusterpact.Web.Features.Agreements;

public sealed record PaymentFilter(PaymentStatus? Status, Guid? AgreementId, Guid? ClusterId);

/// <summary>The aid payments of the agreements the caller sees, oldest first, filtered: one cursor window for the API (the financial system's pull).</summary>
public sealed class ListPayments(ClusterpactDbContext db, Scope scope, AgreementBudgetAccess budget) : IUseCase
{
    public static readonly ApiSort<AidPayment> Sort = new ApiSort<AidPayment>().By("requestedOn", p => p.RequestedOn).By("amountEur", p => p.AmountEur);

    public Task<ApiList<PaymentDto>> HandleAsync(PaymentFilter filter, ListWindow window, CancellationToken ct)
    {
        var visible = scope.Agreements().Where(a => (filter.AgreementId == null || a.Id == filter.AgreementId) && (filter.ClusterId == null || a.ClusterId == filter.ClusterId));
        return db.AidPayments.Where(p => visible.Any(a => a.Id == p.AgreementId) && (filter.Status == null || p.Status == filter.Status))
            .ToApiListAsync(Sort, window, db, (rows, c) => budget.WithClustersAsync(rows, r => r.AgreementId, PaymentDto.From, c), ct);
    }
}
