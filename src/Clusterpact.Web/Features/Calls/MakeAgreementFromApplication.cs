using Clusterpact.Web.Features.Agreements;
using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Calls;

/// <summary>One working year of the agreement as the officer confirms it: the aid and cofinancing from the plan, the costs per category.</summary>
public sealed record AgreementYearLine(int Year, decimal Aid, decimal Cofinancing, decimal Animation, decimal Marketing, decimal Facilities, decimal Training);

public sealed record AgreementFromApplicationCommand(Guid ApplicationId, long Version, DateOnly Start, string DecisionReference, IReadOnlyList<AgreementYearLine> Years);

/// <summary>
/// Agency staff turn a granted cluster application into a support agreement: the cluster organisation (found by enterprise number,
/// or registered as a new cluster), the agreement over as many years as the plan has, and a working-year budget per
/// plan year, all checked by the same funding rules as an agreement made by hand, and saved together or not at all.
/// </summary>
public sealed class MakeAgreementFromApplication(ClusterpactDbContext db, Permissions permissions, AgreementRules agreements, TimeProvider clock) : IUseCase
{
    /// <summary>The lines the form starts from: each plan year's requested aid and cofinancing, its whole budget as animation costs.</summary>
    public static IReadOnlyList<AgreementYearLine> Proposed(Application app) =>
        app.YearPlans.Select(y => new AgreementYearLine(y.Year, y.RequestedAidEur, y.CofinancingEur, y.BudgetEur, 0, 0, 0)).ToList();

    public static ClusterType TypeOf(CallKind kind) => kind == CallKind.SpearheadCluster ? ClusterType.SpearheadCluster : ClusterType.InnovativeBusinessNetwork;

    /// <summary>The outcome, and on success the cluster the agreement is for (where the officer goes next).</summary>
    public async Task<(CommandOutcome Outcome, Guid? ClusterId)> HandleAsync(AgreementFromApplicationCommand cmd, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return (CommandOutcome.Forbidden, null);
        var app = await db.Applications.SingleOrDefaultAsync(a => a.Id == cmd.ApplicationId, ct);
        if (app is null) return (CommandOutcome.NotFound, null);
        if (app.Version != cmd.Version) return (CommandOutcome.Conflict, null);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        if (cmd.Years.Count == 0) return (CommandOutcome.Invalid("Years", "Application.NoYearPlan"), null);

        var type = TypeOf(call.Kind);
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.EnterpriseNumber == app.ApplicantEnterpriseNumber, ct);
        var end = cmd.Start.AddYears(cmd.Years.Count).AddDays(-1);
        if (cluster is null)
        {
            cluster = new Cluster(app.ApplicantName, type, app.StrategicDomain ?? "", call.TitleNl, cmd.Start, end,
                ClusterStatusRule.StatusOn(clock.TodayInBrussels(), cmd.Start, end));
            cluster.SetEnterpriseNumber(app.ApplicantEnterpriseNumber);
            db.Clusters.Add(cluster);
        }
        else if (cluster.Type != type) return (CommandOutcome.Invalid("Start", "Agreement.ClusterTypeDiffers"), null);

        var rules = await agreements.RulesAsync(ct);
        var created = await agreements.NewForClusterAsync(cluster, cmd.Start, end, cmd.DecisionReference, rules, ct);
        // An existing cluster guards the rules over its agreements (no overlap, the 10-year window): its version rises with this save.
        if (db.Entry(cluster).State == EntityState.Unchanged) db.Entry(cluster).State = EntityState.Modified;
        if (!created.IsSuccess) return (CommandOutcome.Invalid(created.Error!, created.Error!.Code == "Agreement.DecisionRequired" ? "DecisionReference" : "Start"), null);
        var agreement = created.Value!;
        var planned = new List<AgreementYear>();
        for (var i = 0; i < cmd.Years.Count; i++)
        {
            var line = cmd.Years[i];
            var year = AgreementYear.Plan(agreement, planned, cmd.Start.AddYears(i), line.Aid, line.Cofinancing, line.Animation, line.Marketing, line.Facilities, line.Training, rules);
            if (!year.IsSuccess) return (CommandOutcome.Invalid($"Years[{i}]", year.Error!.Code), null);
            planned.Add(year.Value!);
        }
        var linked = app.LinkAgreement(call, agreement.Id);
        if (!linked.IsSuccess) return (CommandOutcome.Invalid("Start", linked.Error!.Code), null);
        db.SupportAgreements.Add(agreement);
        db.AgreementYears.AddRange(planned);
        var saved = await Shared.VersionedSave.SaveVersionedAsync(db, app, cmd.Version, ct);
        return (saved, saved.Status == CommandStatus.Ok ? cluster.Id : null);
    }
}
