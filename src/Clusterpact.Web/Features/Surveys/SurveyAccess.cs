using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Surveys;

/// <summary>Invited and answered per cluster: the response rate while the survey runs.</summary>
public sealed record ClusterRate(Guid ClusterId, string Name, int Invited, int Answered)
{
    public decimal? Rate => SurveyResults.ResponseRate(Invited, Answered);
}

/// <summary>
/// Who sees which survey, shared by the survey use cases: agency staff manage them; readers see every result; a cluster
/// manager sees the surveys that invited their cluster's members and, of those, their own clusters' rates only.
/// </summary>
public sealed class SurveyAccess(ClusterpactDbContext db, Scope scope, Permissions permissions)
{
    public Task<bool> CanManageAsync() => permissions.HasAsync(Policies.AgencyStaff);

    /// <summary>Whether the caller sees the whole programme's answers (all clusters together), not only their own clusters'.</summary>
    public Task<bool> SeesAllAsync() => permissions.HasAsync(Policies.ProgrammeView);

    /// <summary>Surveys a manager can see are those that invited their cluster's members; null for those who see all.</summary>
    public async Task<HashSet<Guid>?> OwnClustersAsync(CancellationToken ct) =>
        await SeesAllAsync() ? null : (await scope.Clusters().Select(c => c.Id).ToListAsync(ct)).ToHashSet();

    /// <summary>The survey, if the caller may see it.</summary>
    public async Task<Survey?> FindAsync(Guid id, CancellationToken ct)
    {
        var own = await OwnClustersAsync(ct);
        if (own is not null && !await db.SurveyInvitations.AnyAsync(i => i.SurveyId == id && own.Contains(i.ClusterId), ct)) return null;
        return await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
    }

    /// <summary>The response rate per cluster the caller sees, by cluster name.</summary>
    public async Task<IReadOnlyList<ClusterRate>> RatesAsync(Guid surveyId, CancellationToken ct)
    {
        var own = await OwnClustersAsync(ct);
        var invited = await db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == surveyId).GroupBy(i => i.ClusterId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var answered = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId).GroupBy(r => r.ClusterId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await db.ClusterNamesAsync(invited.Select(i => i.Key), ct);
        return invited.Where(i => own is null || own.Contains(i.Key))
            .Select(i => new ClusterRate(i.Key, names.GetValueOrDefault(i.Key, "?"), i.Count, answered.GetValueOrDefault(i.Key))).OrderBy(r => r.Name).ToList();
    }
}
