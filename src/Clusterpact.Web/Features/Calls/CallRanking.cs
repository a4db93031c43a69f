namespace Clusterpact.Web.Features.Calls;

/// <summary>
/// The ranking of a call's applications under review or decided, on the consensus where recorded and else the experts'
/// mean; the names are the applicants'. Shared by the ranking page, the agency's application page and the applicant's
/// decided application (where it stood).
/// </summary>
public static class CallRanking
{
    public static async Task<RankingResult?> RankAsync(ClusterpactDbContext db, Call call, CancellationToken ct)
    {
        var apps = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == call.Id && (a.Status == ApplicationStatus.UnderReview || a.Status == ApplicationStatus.Decided)).ToListAsync(ct);
        var ids = apps.Select(a => a.Id).ToList();
        var panel = await db.ExpertAssignments.AsNoTracking().Where(a => ids.Contains(a.ApplicationId)).ToListAsync(ct);
        var consensus = await db.Consensus.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).ToListAsync(ct);
        var ranked = Ranking.Rank(call, apps.Select(a => ApplicationScores.From(a, panel, consensus.SingleOrDefault(c => c.ApplicationId == a.Id))));
        return ranked.IsSuccess ? ranked.Value : null;
    }
}
