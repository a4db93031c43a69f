namespace Clusterpact.Web.Features.Surveys;

public sealed record SurveyRow(Guid Id, string Title, int Year, SurveyStatus Status, int Questions, int Invited, int Answered)
{
    public decimal? Rate => SurveyResults.ResponseRate(Invited, Answered);
}

/// <summary>The surveys page: the rows the caller sees, whether they may start one, and this year (the new survey's default).</summary>
public sealed record SurveyList(IReadOnlyList<SurveyRow> Rows, bool CanManage, int ThisYear);

/// <summary>
/// The member surveys the caller sees with invitations and answers: all for agency staff and readers; for a cluster
/// manager those that invited their cluster's members, counted over their own clusters only.
/// </summary>
public sealed class ListSurveys(ClusterpactDbContext db, SurveyAccess access, TimeProvider clock) : IUseCase
{
    public async Task<SurveyList> HandleAsync(CancellationToken ct)
    {
        var own = await access.OwnClustersAsync(ct);
        var surveys = await db.Surveys.AsNoTracking().OrderByDescending(s => s.Year).ThenBy(s => s.Title).ToListAsync(ct);
        var invited = await db.SurveyInvitations.AsNoTracking().GroupBy(i => new { i.SurveyId, i.ClusterId }).Select(g => new { g.Key.SurveyId, g.Key.ClusterId, Count = g.Count() }).ToListAsync(ct);
        var answered = await db.SurveyResponses.AsNoTracking().GroupBy(r => new { r.SurveyId, r.ClusterId }).Select(g => new { g.Key.SurveyId, g.Key.ClusterId, Count = g.Count() }).ToListAsync(ct);
        var rows = surveys
            .Where(s => own is null || invited.Any(i => i.SurveyId == s.Id && own.Contains(i.ClusterId)))
            .Select(s => new SurveyRow(s.Id, s.Title, s.Year, s.Status, s.Questions.Count,
                invited.Where(i => i.SurveyId == s.Id && (own is null || own.Contains(i.ClusterId))).Sum(i => i.Count),
                answered.Where(a => a.SurveyId == s.Id && (own is null || own.Contains(a.ClusterId))).Sum(a => a.Count)))
            .ToList();
        return new SurveyList(rows, await access.CanManageAsync(), clock.TodayInBrussels().Year);
    }
}
