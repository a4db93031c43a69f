using Clusterpact.Web.Features.Calls;

namespace Clusterpact.Web.Features.Apply;

public sealed record MyApplicationRow(Guid Id, string Reference, string CallTitleNl, string CallTitleEn, ApplicationStatus Status, DateTimeOffset ClosesAt,
    DateTimeOffset? SubmittedAt, ApplicationOutcome? Outcome);

/// <summary>The applicant's own applications with their call, latest closing first; nobody else's appear.</summary>
public sealed class ListMyApplications(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public async Task<IReadOnlyList<MyApplicationRow>> HandleAsync(CancellationToken ct)
    {
        var apps = await scope.Applications().AsNoTracking().ToListAsync(ct);
        var callIds = apps.Select(a => a.CallId).Distinct().ToList();
        var callList = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return apps.Select(a => new MyApplicationRow(a.Id, a.Reference, callList[a.CallId].TitleNl, callList[a.CallId].TitleEn, a.Status, callList[a.CallId].ClosesAt, a.SubmittedAt, a.Outcome))
            .OrderByDescending(r => r.ClosesAt).ToList();
    }
}
