using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Evaluations;

public sealed record EvaluationRow(Guid Id, string Title, EvaluationKind Kind, EvaluationScope Scope, Guid? ClusterId, string? ClusterName, EvaluationStage Stage,
    IReadOnlyList<StageDate> Stages, EvaluationOutcome? Outcome, bool Late, int OpenRecommendations);

public sealed record EvaluationListQuery(string? Search, EvaluationKind? Kind, EvaluationStage? Stage, Guid? ClusterId, bool OnlyLate);

/// <summary>The evaluations at a glance, and whether the person may plan one (agency staff).</summary>
public sealed record EvaluationList(IReadOnlyList<EvaluationRow> Rows, bool CanManage);

/// <summary>
/// The evaluations the caller sees (<see cref="Scope.Evaluations"/>: readers and agency staff all, a cluster manager their own
/// cluster's individual ones and the programme's systemic ones), open ones first by the day of their next stage.
/// </summary>
public sealed class ListEvaluations(ClusterpactDbContext db, Scope scope, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<EvaluationList> HandleAsync(EvaluationListQuery q, CancellationToken ct)
    {
        var today = clock.TodayInBrussels();
        var query = scope.Evaluations().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search)) { var t = q.Search.Trim().ToLower(); query = query.Where(e => e.Title.ToLower().Contains(t)); }
        if (q.Kind is { } k) query = query.Where(e => e.Kind == k);
        if (q.Stage is { } s) query = query.Where(e => e.Stage == s);
        if (q.ClusterId is { } c) query = query.Where(e => e.ClusterId == c);
        var list = await query.ToListAsync(ct);
        var names = await db.ClusterNamesAsync(list.Select(e => e.ClusterId).OfType<Guid>(), ct);
        var rows = list.Select(e => Row(e, names, today)).Where(r => !q.OnlyLate || r.Late)
            .OrderBy(r => r.Stage == EvaluationStage.Decided).ThenBy(r => r.Stages.FirstOrDefault(x => x.Stage == EvaluationLifecycle.Next(r.Stage))?.Planned ?? DateOnly.MaxValue).ThenBy(r => r.Title).ToList();
        return new EvaluationList(rows, await permissions.HasAsync(Policies.AgencyStaff));
    }

    private static EvaluationRow Row(Evaluation e, IReadOnlyDictionary<Guid, string> names, DateOnly today) =>
        new(e.Id, e.Title, e.Kind, e.Scope, e.ClusterId, e.ClusterId is { } c ? names.GetValueOrDefault(c) : null, e.Stage, e.Stages.OrderBy(s => s.Stage).ToList(),
            e.Outcome, e.IsLate(today), e.Recommendations.Count(r => r.Status is FollowUpStatus.Open or FollowUpStatus.InProgress));
}
