namespace Clusterpact.Web.Features.Reports;

public sealed record StartReportCommand(Guid ClusterId, int Year);

/// <summary>The cluster's manager (or agency staff) starts the annual report of a working year, or gets the one already started.</summary>
public sealed class StartReport(ClusterpactDbContext db, ClusterAccess access, TimeProvider clock) : IUseCase
{
    /// <summary>Created with the report's id (version 0 when it already existed), or the refusal.</summary>
    public async Task<CommandOutcome> HandleAsync(StartReportCommand cmd, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(cmd.ClusterId, ct)) return CommandOutcome.NotFound;
        if (!await access.CanEditAsync(cmd.ClusterId, ct)) return CommandOutcome.Forbidden;
        if (AnnualReport.CheckYear(cmd.Year) is not null || cmd.Year > clock.TodayInBrussels().Year) return CommandOutcome.Invalid("Year", "Report.YearInvalid");
        var existing = await db.AnnualReports.Where(r => r.ClusterId == cmd.ClusterId && r.Year == cmd.Year).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
        if (existing is not null) return CommandOutcome.Created(existing.Value, 0);
        var report = AnnualReport.Start(cmd.ClusterId, cmd.Year);
        db.AnnualReports.Add(report);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Created(report.Id, report.Version);
    }
}
