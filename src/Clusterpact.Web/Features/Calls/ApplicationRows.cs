namespace Clusterpact.Web.Features.Calls;

public sealed record ApplicationRow(Guid Id, string Reference, string ApplicantName, ApplicationStatus Status, decimal RequestedEur, DateTimeOffset? SubmittedAt,
    int Experts, int Declared, int Conflicts, ApplicationOutcome? Outcome);

/// <summary>The applications submitted to a call (never a draft) in their order of arrival, with their panel's progress; shared by the call's page, its ranking and the API.</summary>
public static class ApplicationRows
{
    public static async Task<IReadOnlyList<ApplicationRow>> ForCallAsync(ClusterpactDbContext db, Guid callId, CancellationToken ct)
    {
        var apps = await db.Applications.AsNoTracking().Where(a => a.CallId == callId && a.Status != ApplicationStatus.Draft).ToListAsync(ct);
        var panel = await db.ExpertAssignments.AsNoTracking().Where(a => a.CallId == callId).ToListAsync(ct);
        return apps.OrderBy(a => a.Number).Select(a =>
        {
            var mine = panel.Where(p => p.ApplicationId == a.Id).ToList();
            return new ApplicationRow(a.Id, a.Reference, a.ApplicantName, a.Status, a.RequestedAidEur, a.SubmittedAt, mine.Count,
                mine.Count(p => p.Declaration != ConflictDeclaration.None), mine.Count(p => p.Declaration == ConflictDeclaration.Conflict), a.Outcome);
        }).ToList();
    }
}
