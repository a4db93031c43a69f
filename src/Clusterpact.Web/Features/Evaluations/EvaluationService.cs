using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Evaluations;

public sealed record EvaluationRow(Guid Id, string Title, EvaluationKind Kind, EvaluationScope Scope, Guid? ClusterId, string? ClusterName, EvaluationStage Stage,
    IReadOnlyList<StageDate> Stages, EvaluationOutcome? Outcome, bool Late, int OpenRecommendations);

public sealed record PlanEvaluationCommand(string Title, EvaluationKind Kind, EvaluationScope Scope, Guid? ClusterId, IReadOnlyDictionary<EvaluationStage, DateOnly> Planned);

/// <summary>
/// Evaluations: agency staff plan and run them; readers see all; a cluster manager sees their own cluster's
/// individual evaluations and the programme's systemic ones, read only.
/// </summary>
public sealed class EvaluationService(ClusterpactDbContext db, Scope scope, Permissions permissions, RecordActors actors, TimeProvider clock)
{
    public DateOnly Today => clock.TodayInBrussels();

    /// <summary>Agency staff plan and run evaluations (the policy, so the decision is the one handler's).</summary>
    public Task<bool> CanManageAsync() => permissions.HasAsync(Policies.AgencyStaff);

    private IQueryable<Evaluation> Visible() => scope.Evaluations();

    public async Task<IReadOnlyList<EvaluationRow>> ListAsync(string? search, EvaluationKind? kind, EvaluationStage? stage, Guid? clusterId, bool onlyLate, CancellationToken ct)
    {
        var query = Visible().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search)) { var t = search.Trim().ToLower(); query = query.Where(e => e.Title.ToLower().Contains(t)); }
        if (kind is { } k) query = query.Where(e => e.Kind == k);
        if (stage is { } s) query = query.Where(e => e.Stage == s);
        if (clusterId is { } c) query = query.Where(e => e.ClusterId == c);
        var list = await query.ToListAsync(ct);
        var names = await db.Clusters.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return list.Select(e => Row(e, names)).Where(r => !onlyLate || r.Late)
            .OrderBy(r => r.Stage == EvaluationStage.Decided).ThenBy(r => r.Stages.FirstOrDefault(x => x.Stage == EvaluationLifecycle.Next(r.Stage))?.Planned ?? DateOnly.MaxValue).ThenBy(r => r.Title).ToList();
    }

    private EvaluationRow Row(Evaluation e, IReadOnlyDictionary<Guid, string> names) =>
        new(e.Id, e.Title, e.Kind, e.Scope, e.ClusterId, e.ClusterId is { } c ? names.GetValueOrDefault(c) : null, e.Stage, e.Stages.OrderBy(s => s.Stage).ToList(),
            e.Outcome, e.IsLate(Today), e.Recommendations.Count(r => r.Status is FollowUpStatus.Open or FollowUpStatus.InProgress));

    /// <summary>An evaluation with its cluster's name and what the person is for it in the lifecycle table.</summary>
    public async Task<(Evaluation Evaluation, string? ClusterName, IReadOnlySet<Actor> Actors)?> GetAsync(Guid id, CancellationToken ct)
    {
        var e = await Visible().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var name = e.ClusterId is { } c ? await db.Clusters.Where(x => x.Id == c).Select(x => x.Name).SingleAsync(ct) : null;
        return (e, name, await ActorsOnAsync(e, ct));
    }

    private Task<IReadOnlySet<Actor>> ActorsOnAsync(Evaluation e, CancellationToken ct) => actors.OnClustersAsync(e.ClusterId is { } c ? [c] : [], ct);

    /// <summary>
    /// A step of the evaluation's lifecycle on a day; the decision carries its outcome, conditions and conclusion. The
    /// evaluation checks it against its table with the person's actors.
    /// </summary>
    public async Task<CommandOutcome> StepAsync(Guid id, long version, string step, DateOnly on, EvaluationOutcome? outcome, string? conditions, string? conclusion, CancellationToken ct)
    {
        var e = await Visible().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return CommandOutcome.NotFound;
        if (e.Version != version) return CommandOutcome.Conflict;
        var who = await ActorsOnAsync(e, ct);
        var result = step == EvaluationLifecycle.Decide ? e.Decide(who, on, outcome, conditions, conclusion) : e.Take(step, who, on);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!.Field is "on" or null ? "On" : result.Error.Field, result.Error.Code);
        return await db.SaveVersionedAsync(e, version, ct);
    }

    /// <summary>The latest decided interim evaluation of a cluster: what an extension of its agreement rests on.</summary>
    public Task<Evaluation?> LatestInterimAsync(Guid clusterId, CancellationToken ct) =>
        db.Evaluations.AsNoTracking().Where(e => e.ClusterId == clusterId && e.Kind == EvaluationKind.Interim && e.Stage == EvaluationStage.Decided)
            .OrderByDescending(e => e.DecidedOn).FirstOrDefaultAsync(ct);

    public async Task<(CommandOutcome Outcome, Guid? Id)> PlanAsync(PlanEvaluationCommand cmd, CancellationToken ct)
    {
        if (!await CanManageAsync()) return (CommandOutcome.Forbidden, null);
        if (cmd.ClusterId is { } c && !await db.Clusters.AnyAsync(x => x.Id == c, ct)) return (CommandOutcome.Invalid("ClusterId", "Evaluation.ClusterRequired"), null);
        var planned = Evaluation.Plan(cmd.Title, cmd.Kind, cmd.Scope, cmd.Scope == EvaluationScope.Individual ? cmd.ClusterId : null, cmd.Planned);
        if (!planned.IsSuccess)
            return (CommandOutcome.Invalid(planned.Error!, planned.Error!.Code is "Evaluation.TitleRequired" ? "Title" : planned.Error!.Code == "Evaluation.PlannedOutOfOrder" ? "Planned" : "ClusterId"), null);
        db.Evaluations.Add(planned.Value!);
        await db.SaveChangesAsync(ct);
        return (CommandOutcome.Ok(planned.Value!.Version), planned.Value.Id);
    }

    /// <summary>Runs a change on the evaluation for agency staff, with the version the form showed.</summary>
    public async Task<CommandOutcome> ChangeAsync(Guid id, long version, string field, Func<Evaluation, Domain.Common.Result> change, CancellationToken ct)
    {
        var e = await Visible().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return CommandOutcome.NotFound;
        if (!await CanManageAsync()) return CommandOutcome.Forbidden;
        if (e.Version != version) return CommandOutcome.Conflict;
        var result = change(e);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, field);
        return await db.SaveVersionedAsync(e, version, ct);
    }
}
