namespace Clusterpact.Web.Features.Agreements;

/// <summary>
/// What the agreement use cases (and the overview, the dashboard, the answer pack and the agreement made from an
/// application) share: the funding rules in force, the checks of a new agreement against the cluster's others, and the
/// form field a rule's refusal belongs to.
/// </summary>
public sealed class AgreementRules(ClusterpactDbContext db)
{
    /// <summary>Clusters reach their limit "well before" when it falls within this many months.</summary>
    public const int LimitWarningMonths = 12;

    public async Task<FundingRuleSet> RulesAsync(CancellationToken ct) =>
        new((await db.FundingRules.AsNoTracking().ToListAsync(ct)).Select(r => r.ToRule()));

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

    /// <summary>The field of the agreement forms a rule's refusal is shown next to.</summary>
    public static string FieldOf(string code) => code switch
    {
        "Agreement.DecisionRequired" => "DecisionReference",
        "Agreement.EvaluationRequired" or "Agreement.EvaluationOtherCluster" or "Agreement.EvaluationNotInterim" or "Agreement.EvaluationNotDecided"
            or "Agreement.EvaluationAgainstExtension" or "Agreement.EvaluationOutsideAgreement" => "EvaluationId",
        "Agreement.StartsBeforeFirstAid" or "Agreement.NoRule" => "Start",
        _ => "End",
    };
}
