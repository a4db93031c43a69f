namespace Clusterpact.Web.Features.Reports;

/// <summary>A report as its page shows it, with what the person is for it in the lifecycle table.</summary>
/// <param name="People">Display names by sign-in name, for the people who took the report's steps (a step keeps the sign-in name).</param>
public sealed record ReportView(AnnualReport Report, string ClusterName, bool CanEdit, IReadOnlySet<Actor> Actors, IReadOnlyList<PactCommitment> Commitments, IReadOnlyDictionary<string, decimal?> LastYear,
    IReadOnlyDictionary<string, string> People);

/// <summary>One annual report the caller sees, with its pact's commitments for that year and last year's values; null when it is not theirs.</summary>
public sealed class GetReport(ClusterpactDbContext db, ClusterAccess access, RecordActors actors) : IUseCase
{
    public async Task<ReportView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await access.CanSeeAsync(report.ClusterId, ct)) return null;
        var name = await db.Clusters.Where(c => c.Id == report.ClusterId).Select(c => c.Name).SingleAsync(ct);
        var pact = await db.ClusterPacts.AsNoTracking().SingleOrDefaultAsync(p => p.ClusterId == report.ClusterId, ct);
        var adopted = pact?.Versions.Where(v => v.IsAdopted && v.Year <= report.Year).MaxBy(v => v.Number) ?? pact?.Versions.Where(v => v.IsAdopted).MinBy(v => v.Number);
        var commitments = adopted is null ? [] : pact!.CommitmentsOf(adopted.Number);
        var last = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.ClusterId == report.ClusterId && r.Year == report.Year - 1, ct);
        var lastYear = KpiCatalogue.Reported.ToDictionary(k => k.Code, k => last?.ValueOf(k.Code));
        var signIns = report.Steps.Select(s => s.By).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => signIns.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);
        return new ReportView(report, name, report.IsEditable && await access.CanEditAsync(report.ClusterId, ct), await actors.OnClusterAsync(report.ClusterId, ct),
            commitments, lastYear, people);
    }
}
