using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

public sealed record AgreementView(Guid Id, long Version, IReadOnlyList<AgreementTerm> Terms, IReadOnlyList<AgreementAmendment> Amendments, DateOnly End);

/// <summary>A cluster's support agreements and where it stands against its operating-aid limit.</summary>
public sealed record ClusterAgreements(Guid ClusterId, IReadOnlyList<AgreementView> Agreements, DateOnly? FirstAidDay, DateOnly? LastAllowedDay,
    int YearsLeft, int DaysLeft, bool LimitWithinAYear, bool CanManage)
{
    /// <summary>The 10-year limit lies behind: no time left (TimeLeft gives at least one day up to the last allowed day).</summary>
    public bool LimitPassed => LastAllowedDay is not null && YearsLeft == 0 && DaysLeft == 0;
}

/// <summary>Whoever sees the cluster reads its support agreements; null when the caller does not see it.</summary>
public sealed class GetClusterAgreements(ClusterpactDbContext db, ClusterAccess access, Permissions permissions, AgreementRules rules, TimeProvider clock) : IUseCase
{
    public async Task<ClusterAgreements?> HandleAsync(Guid clusterId, CancellationToken ct)
    {
        var cluster = await access.VisibleClusters().AsNoTracking().Where(c => c.Id == clusterId).Select(c => new { c.Id, c.Type }).SingleOrDefaultAsync(ct);
        if (cluster is null) return null;
        var agreements = await db.SupportAgreements.AsNoTracking().Where(a => a.ClusterId == clusterId).ToListAsync(ct);
        var views = agreements.OrderBy(a => a.Terms.Min(t => t.Start)).Select(a => new AgreementView(a.Id, a.Version, a.Terms.OrderBy(t => t.Start).ToList(), a.Amendments.ToList(), a.End)).ToList();
        var first = views.SelectMany(v => v.Terms).Select(t => (DateOnly?)t.Start).Min();
        var last = SupportAgreement.AidWindow(agreements, cluster.Type, await rules.RulesAsync(ct))?.LastAllowedDay;
        var today = clock.TodayInBrussels();
        var (years, days) = last is { } lastDay ? SupportAgreement.TimeLeft(today, lastDay) : (0, 0);
        return new ClusterAgreements(clusterId, views, first, last, years, days,
            last is { } l && SupportAgreement.ReachesLimitWithin(today, l, AgreementRules.LimitWarningMonths), await permissions.HasAsync(Policies.AgencyStaff));
    }
}
