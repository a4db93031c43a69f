using Clusterpact.Web.Infrastructure.Audit;
using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>A payment with who requested it, and who approved or rejected it on which day (the day from the audit trail).</summary>
public sealed record PaymentRow(AidPayment Payment, string RequestedBy, string? DecidedBy, DateOnly? DecidedOn = null);

public sealed record AgreementBudget(Guid ClusterId, string ClusterName, SupportAgreement Agreement, IReadOnlyList<AgreementYear> Years,
    IReadOnlyList<PaymentRow> Payments, decimal? PeriodIntensity, bool CanRecordCofinancing, IReadOnlySet<Actor> Actors)
{
    /// <summary>Agency staff act on this agreement's money: they plan years, decide lapses and request aid (the record handler's answer).</summary>
    public bool AgencyActs => Actors.Contains(Actor.Agency);
}

/// <summary>
/// The money of one support agreement as its pages show it: the yearly budgets, the aid payments with who requested and
/// decided them, the aid intensity over the period and who may act. Null when the caller does not see the agreement.
/// </summary>
public sealed class GetAgreementBudget(ClusterpactDbContext db, ClusterAccess access, RecordActors actors) : IUseCase
{
    public async Task<AgreementBudget?> HandleAsync(Guid clusterId, Guid agreementId, CancellationToken ct)
    {
        var cluster = await access.VisibleClusters().AsNoTracking().Where(c => c.Id == clusterId).Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(ct);
        if (cluster is null) return null;
        var agreement = await db.SupportAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agreementId && a.ClusterId == clusterId, ct);
        if (agreement is null) return null;
        var years = await db.AgreementYears.AsNoTracking().Where(y => y.AgreementId == agreementId).OrderBy(y => y.YearStart).ToListAsync(ct);
        var payments = await db.AidPayments.AsNoTracking().Where(p => p.AgreementId == agreementId).OrderBy(p => p.RequestedOn).ThenBy(p => p.Id).ToListAsync(ct);
        var people = payments.SelectMany(p => new[] { p.RequestedBy }.Concat(p.DecidedBy is { } d ? [d] : Array.Empty<Guid>())).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var decided = await db.DecisionsAsync(nameof(AidPayment), payments.Where(p => p.DecidedBy is not null).Select(p => p.Id).ToList(), nameof(AidPayment.Status),
            [nameof(PaymentStatus.Approved), nameof(PaymentStatus.Rejected)], ct);
        return new AgreementBudget(cluster.Id, cluster.Name, agreement, years,
            payments.Select(p => new PaymentRow(p, names.GetValueOrDefault(p.RequestedBy, "?"), p.DecidedBy is { } d ? names.GetValueOrDefault(d, "?") : null,
                decided.TryGetValue(p.Id, out var decision) ? decision.On : null)).ToList(),
            AidIntensity.OverPeriod(years.Select(y => y.Budget)), await access.CanEditAsync(clusterId, ct), await actors.OnClusterAsync(clusterId, ct));
    }
}
