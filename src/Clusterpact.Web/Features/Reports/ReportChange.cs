namespace Clusterpact.Web.Features.Reports;

/// <summary>How the report's commands load it: one the caller sees, at the version the form showed.</summary>
public static class ReportChange
{
    /// <summary>
    /// The report, tracked for a change; otherwise the refusal: 404 when the caller does not see it, 403 when
    /// <paramref name="edit"/> asks for its cluster's editor and the caller is not, 409 when it changed since.
    /// </summary>
    public static async Task<(AnnualReport? Report, CommandOutcome? Refusal)> LoadAsync(ClusterpactDbContext db, ClusterAccess access, Guid id, long version, bool edit, CancellationToken ct)
    {
        var report = await db.AnnualReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await access.CanSeeAsync(report.ClusterId, ct)) return (null, CommandOutcome.NotFound);
        if (edit && !await access.CanEditAsync(report.ClusterId, ct)) return (null, CommandOutcome.Forbidden);
        if (report.Version != version) return (null, CommandOutcome.Conflict);
        return (report, null);
    }
}
