namespace Clusterpact.Web.Features.Review;

public sealed record ReviewRow(Guid AssignmentId, string CallTitleNl, string CallTitleEn, string ApplicationName, ApplicationStatus Status,
    ConflictDeclaration Declaration, int Scored, int Criteria, bool Flagged);

/// <summary>The expert's own assignments, those still to declare first; no one else's appear.</summary>
public sealed class ListMyReviews(ClusterpactDbContext db, Scope scope, IStringLocalizer<SharedResource> text) : IUseCase
{
    public async Task<IReadOnlyList<ReviewRow>> HandleAsync(CancellationToken ct)
    {
        var mine = await scope.Assignments().AsNoTracking().ToListAsync(ct);
        var appIds = mine.Select(a => a.ApplicationId).ToList();
        var apps = await db.Applications.AsNoTracking().Where(a => appIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var callIds = apps.Values.Select(a => a.CallId).Distinct().ToList();
        var calls = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return mine.Select(a =>
        {
            var app = apps[a.ApplicationId];
            var call = calls[app.CallId];
            return new ReviewRow(a.Id, call.TitleNl, call.TitleEn, ReviewNames.For(app, call, text), app.Status, a.Declaration,
                a.Scores.Count, call.Criteria.Count, a.DetectedConflicts.Count > 0);
        }).OrderBy(r => r.Declaration != ConflictDeclaration.None).ThenBy(r => r.CallTitleNl).ThenBy(r => r.ApplicationName).ToList();
    }
}
