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

public sealed record CreateAgreementCommand(Guid ClusterId, DateOnly Start, DateOnly End, string DecisionReference);

public sealed record ExtendAgreementCommand(Guid ClusterId, Guid AgreementId, long Version, DateOnly NewEnd, Guid EvaluationId, string DecisionReference);

/// <summary>A decided interim evaluation of the cluster, as the extension form offers it.</summary>
public sealed record DecidedInterim(Guid Id, string Title, DateOnly DecidedOn, Domain.Evaluations.EvaluationOutcome Outcome);

/// <summary>Support agreements: read by whoever sees the cluster, created and extended by agency staff under the funding rules in force.</summary>
public sealed class AgreementService(ClusterpactDbContext db, ClusterAccess access, Permissions permissions, TimeProvider clock)
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
            last is { } l && SupportAgreement.ReachesLimitWithin(today, l, LimitWarningMonths), await permissions.HasAsync(Policies.AgencyStaff));
    }

    public async Task<CommandOutcome> CreateAsync(CreateAgreementCommand cmd, CancellationToken ct)
    {
        var cluster = await access.VisibleClusters().SingleOrDefaultAsync(c => c.Id == cmd.ClusterId, ct);
        if (cluster is null) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var created = await NewForClusterAsync(cluster, cmd.Start, cmd.End, cmd.DecisionReference, await RulesAsync(ct), ct);
        if (!created.IsSuccess) return CommandOutcome.Invalid(created.Error!, FieldOf(created.Error!.Code));
        db.SupportAgreements.Add(created.Value!);
        var saved = await db.SaveGuardedAsync(cluster, "Agreement.ConcurrentChange", ct);
        return saved.Status == CommandStatus.Ok ? CommandOutcome.Ok(created.Value!.Version) : saved;
    }

    /// <summary>
    /// A new agreement for a cluster under the rules, checked against the cluster's other agreements (no overlap; the
    /// 10-year window counts from its first day of aid under any of them). The cluster row guards these rules: the caller
    /// saves it with <see cref="VersionedSave.SaveGuardedAsync"/>, so two agreements made at once cannot both pass.
    /// </summary>
    public async Task<Domain.Common.Result<SupportAgreement>> NewForClusterAsync(Domain.Clusters.Cluster cluster, DateOnly start, DateOnly end, string decisionReference,
        FundingRuleSet rules, CancellationToken ct)
    {
        var others = await db.SupportAgreements.AsNoTracking().Where(a => a.ClusterId == cluster.Id).ToListAsync(ct);
        if (SupportAgreement.Overlaps(others, start, end, except: null))
            return Domain.Common.Result<SupportAgreement>.Fail(new Domain.Common.DomainError("Agreement.Overlaps"));
        var firstAid = SupportAgreement.FirstAidDay(others) is { } earlier && earlier < start ? earlier : start;
        return SupportAgreement.Create(cluster.Id, cluster.Type, start, end, decisionReference, firstAid, rules);
    }

    /// <summary>
    /// Extends an agreement on a decided interim evaluation of its cluster. The cluster row guards the rules over all
    /// its agreements (no overlap, the 10-year window), as for a new agreement.
    /// </summary>
    public async Task<CommandOutcome> ExtendAsync(ExtendAgreementCommand cmd, CancellationToken ct)
    {
        var cluster = await access.VisibleClusters().SingleOrDefaultAsync(c => c.Id == cmd.ClusterId, ct);
        if (cluster is null) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var agreement = await db.SupportAgreements.SingleOrDefaultAsync(a => a.Id == cmd.AgreementId && a.ClusterId == cmd.ClusterId, ct);
        if (agreement is null) return CommandOutcome.NotFound;
        if (agreement.Version != cmd.Version) return CommandOutcome.Conflict;
        var evaluation = await db.Evaluations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == cmd.EvaluationId, ct);
        if (evaluation is null) return CommandOutcome.Invalid("EvaluationId", "Agreement.EvaluationRequired");
        var others = await db.SupportAgreements.AsNoTracking().Where(a => a.ClusterId == cmd.ClusterId).ToListAsync(ct);
        var firstAid = SupportAgreement.FirstAidDay(others) ?? agreement.Start;
        if (SupportAgreement.Overlaps(others, agreement.End.AddDays(1), cmd.NewEnd, except: agreement.Id)) return CommandOutcome.Invalid("End", "Agreement.Overlaps");
        var result = agreement.Extend(cmd.NewEnd, ExtensionEvaluation.Of(evaluation), cmd.DecisionReference, firstAid, await RulesAsync(ct));
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, FieldOf(result.Error!.Code));
        // The cluster guards the rules over its agreements; an added term changes no column of the agreement itself, so the
        // versioned save touches it too and a stale form fails.
        db.Entry(cluster).State = EntityState.Modified;
        return await db.SaveVersionedAsync(agreement, cmd.Version, ct);
    }

    /// <summary>The cluster's decided interim evaluations, latest first: what an extension can rest on.</summary>
    public async Task<IReadOnlyList<DecidedInterim>> DecidedInterimsAsync(Guid clusterId, CancellationToken ct)
    {
        var evaluations = await db.Evaluations.AsNoTracking()
            .Where(e => e.ClusterId == clusterId && e.Kind == Domain.Evaluations.EvaluationKind.Interim && e.Stage == Domain.Evaluations.EvaluationStage.Decided)
            .ToListAsync(ct);
        return evaluations.Select(e => (e, Facts: ExtensionEvaluation.Of(e)))
            .Where(x => x.Facts is { DecidedOn: not null, Outcome: not null })
            .Select(x => new DecidedInterim(x.e.Id, x.e.Title, x.Facts.DecidedOn!.Value, x.Facts.Outcome!.Value))
            .OrderByDescending(x => x.DecidedOn).ToList();
    }

    public async Task<CommandOutcome> ShortenAsync(Guid clusterId, Guid agreementId, long version, DateOnly newEnd, string reason, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(clusterId, ct)) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var agreement = await db.SupportAgreements.SingleOrDefaultAsync(a => a.Id == agreementId && a.ClusterId == clusterId, ct);
        if (agreement is null) return CommandOutcome.NotFound;
        if (agreement.Version != version) return CommandOutcome.Conflict;
        var result = agreement.ShortenTo(newEnd, clock.TodayInBrussels(), reason);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, result.Error!.Code == "Agreement.ReasonRequired" ? "Reason" : "End");
        return await db.SaveVersionedAsync(agreement, version, ct);
    }

    private static string FieldOf(string code) => code switch
    {
        "Agreement.DecisionRequired" => "DecisionReference",
        "Agreement.EvaluationRequired" or "Agreement.EvaluationOtherCluster" or "Agreement.EvaluationNotInterim" or "Agreement.EvaluationNotDecided"
            or "Agreement.EvaluationAgainstExtension" or "Agreement.EvaluationOutsideAgreement" => "EvaluationId",
        "Agreement.StartsBeforeFirstAid" or "Agreement.NoRule" => "Start",
        _ => "End",
    };
}
