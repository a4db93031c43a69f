using Clusterpact.Domain.Agreements;
using Clusterpact.Domain.Common;
using Clusterpact.Domain.Funding;
using Clusterpact.Web.Data;
using Clusterpact.Web.Features.Clusters;
using Clusterpact.Web.Features.Shared;
using Clusterpact.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Clusterpact.Web.Features.Agreements;

public sealed record AgreementView(Guid Id, long Version, IReadOnlyList<AgreementTerm> Terms, IReadOnlyList<AgreementAmendment> Amendments, DateOnly End);

/// <summary>A cluster's support agreements and where it stands against its operating-aid limit.</summary>
public sealed record ClusterAgreements(Guid ClusterId, IReadOnlyList<AgreementView> Agreements, DateOnly? FirstAidDay, DateOnly? LastAllowedDay,
    int YearsLeft, int DaysLeft, bool LimitWithinAYear, bool CanManage);

public sealed record CreateAgreementCommand(Guid ClusterId, DateOnly Start, DateOnly End, string DecisionReference);

public sealed record ExtendAgreementCommand(Guid ClusterId, Guid AgreementId, long Version, DateOnly NewEnd, DateOnly InterimEvaluationDate, bool EvaluationAdvisesExtension, string DecisionReference);

/// <summary>Support agreements: read by whoever sees the cluster, created and extended by agency staff under the funding rules in force.</summary>
public sealed class AgreementService(ClusterpactDbContext db, ClusterAccess access, CurrentUser user, TimeProvider clock)
{
    /// <summary>Clusters reach their limit "well before" when it falls within this many months.</summary>
    public const int LimitWarningMonths = 12;

    public async Task<FundingRuleSet> RulesAsync(CancellationToken ct) =>
        new((await db.FundingRules.AsNoTracking().ToListAsync(ct)).Select(r => r.ToRule()));

    public async Task<ClusterAgreements?> ForClusterAsync(Guid clusterId, CancellationToken ct)
    {
        var cluster = await access.VisibleClusters().AsNoTracking().Where(c => c.Id == clusterId).Select(c => new { c.Id, c.Type }).SingleOrDefaultAsync(ct);
        if (cluster is null) return null;
        var agreements = await db.SupportAgreements.AsNoTracking().Where(a => a.ClusterId == clusterId).ToListAsync(ct);
        var views = agreements.OrderBy(a => a.Terms.Min(t => t.Start)).Select(a => new AgreementView(a.Id, a.Version, a.Terms.OrderBy(t => t.Start).ToList(), a.Amendments.ToList(), a.End)).ToList();
        var first = views.SelectMany(v => v.Terms).Select(t => (DateOnly?)t.Start).Min();
        var last = SupportAgreement.AidWindow(agreements, cluster.Type, await RulesAsync(ct))?.LastAllowedDay;
        var today = clock.TodayInBrussels();
        var (years, days) = last is { } lastDay ? SupportAgreement.TimeLeft(today, lastDay) : (0, 0);
        return new ClusterAgreements(clusterId, views, first, last, years, days,
            last is { } l && SupportAgreement.ReachesLimitWithin(today, l, LimitWarningMonths), user.IsAgencyStaff);
    }

    public async Task<CommandOutcome> CreateAsync(CreateAgreementCommand cmd, CancellationToken ct)
    {
        var cluster = await access.VisibleClusters().Where(c => c.Id == cmd.ClusterId).Select(c => new { c.Id, c.Type }).SingleOrDefaultAsync(ct);
        if (cluster is null) return CommandOutcome.NotFound;
        if (!user.IsAgencyStaff) return CommandOutcome.Forbidden;
        var firstAid = await FirstAidDayAsync(cmd.ClusterId, ct) is { } earlier && earlier < cmd.Start ? earlier : cmd.Start;
        var overlap = await db.SupportAgreements.Where(a => a.ClusterId == cmd.ClusterId).ToListAsync(ct);
        if (overlap.Any(a => a.Start <= cmd.End && cmd.Start <= a.End)) return CommandOutcome.Invalid("Start", "Agreement.Overlaps");
        var created = SupportAgreement.Create(cmd.ClusterId, cluster.Type, cmd.Start, cmd.End, cmd.DecisionReference, firstAid, await RulesAsync(ct));
        if (!created.IsSuccess) return CommandOutcome.Invalid(FieldOf(created.Error!.Code), created.Error.Code);
        db.SupportAgreements.Add(created.Value!);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Ok(created.Value!.Version);
    }

    public async Task<CommandOutcome> ExtendAsync(ExtendAgreementCommand cmd, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(cmd.ClusterId, ct)) return CommandOutcome.NotFound;
        if (!user.IsAgencyStaff) return CommandOutcome.Forbidden;
        var agreement = await db.SupportAgreements.SingleOrDefaultAsync(a => a.Id == cmd.AgreementId && a.ClusterId == cmd.ClusterId, ct);
        if (agreement is null) return CommandOutcome.NotFound;
        if (agreement.Version != cmd.Version) return CommandOutcome.Conflict;
        var firstAid = await FirstAidDayAsync(cmd.ClusterId, ct) ?? agreement.Start;
        var result = agreement.Extend(cmd.NewEnd, cmd.InterimEvaluationDate, cmd.EvaluationAdvisesExtension, cmd.DecisionReference, firstAid, await RulesAsync(ct));
        if (!result.IsSuccess) return CommandOutcome.Invalid(FieldOf(result.Error!.Code), result.Error.Code);
        // An added term changes no column of the agreement itself: touch it so its version rises and a stale form fails.
        return await db.SaveVersionedAsync(agreement, cmd.Version, ct);
    }

    public async Task<CommandOutcome> ShortenAsync(Guid clusterId, Guid agreementId, long version, DateOnly newEnd, string reason, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(clusterId, ct)) return CommandOutcome.NotFound;
        if (!user.IsAgencyStaff) return CommandOutcome.Forbidden;
        var agreement = await db.SupportAgreements.SingleOrDefaultAsync(a => a.Id == agreementId && a.ClusterId == clusterId, ct);
        if (agreement is null) return CommandOutcome.NotFound;
        if (agreement.Version != version) return CommandOutcome.Conflict;
        var result = agreement.ShortenTo(newEnd, clock.TodayInBrussels(), reason);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!.Code == "Agreement.ReasonRequired" ? "Reason" : "End", result.Error.Code);
        return await db.SaveVersionedAsync(agreement, version, ct);
    }

    /// <summary>The first day of operating aid under any of the cluster's agreements: where its 10-year limit counts from.</summary>
    public async Task<DateOnly?> FirstAidDayAsync(Guid clusterId, CancellationToken ct)
    {
        var agreements = await db.SupportAgreements.AsNoTracking().Where(a => a.ClusterId == clusterId).ToListAsync(ct);
        return agreements.SelectMany(a => a.Terms).Select(t => (DateOnly?)t.Start).Min();
    }

    private static string FieldOf(string code) => code switch
    {
        "Agreement.DecisionRequired" => "DecisionReference",
        "Agreement.EvaluationAgainstExtension" => "EvaluationAdvisesExtension",
        "Agreement.EvaluationDateOutsideTerm" => "InterimEvaluationDate",
        "Agreement.StartsBeforeFirstAid" or "Agreement.NoRule" => "Start",
        _ => "End",
    };
}
