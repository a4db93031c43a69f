namespace Clusterpact.Web.Features.Reports;

/// <summary>What the form sends for one reported KPI: the value as typed, a comment and where the evidence is.</summary>
public sealed record ValueInput(string Code, decimal? Value, string? Comment, string? Evidence);

public sealed record CommitmentInput(Guid Key, CommitmentStatus Status, string? Comment);

public sealed record SaveReportCommand(Guid ReportId, long Version, IReadOnlyList<ValueInput> Values, string? Narrative, IReadOnlyList<CommitmentInput> Commitments);

/// <summary>The outcome of a save, with the implausible values that were saved and what their comment should explain.</summary>
public sealed record ReportSaved(CommandOutcome Outcome, IReadOnlyList<(string Code, string Warning)> Warnings);

/// <summary>
/// The cluster's manager (or agency staff) saves the draft: every value is checked at entry; the first refused value is
/// reported with its KPI, and nothing is saved then.
/// </summary>
public sealed class SaveReport(ClusterpactDbContext db, ClusterAccess access) : IUseCase
{
    public async Task<ReportSaved> HandleAsync(SaveReportCommand cmd, CancellationToken ct)
    {
        var (report, refusal) = await ReportChange.LoadAsync(db, access, cmd.ReportId, cmd.Version, edit: true, ct);
        if (report is null) return new ReportSaved(refusal!, []);
        var warnings = new List<(string, string)>();
        foreach (var v in cmd.Values)
        {
            var last = await db.AnnualReports.AsNoTracking().Where(r => r.ClusterId == report.ClusterId && r.Year == report.Year - 1).FirstOrDefaultAsync(ct);
            var result = report.SetValue(v.Code, v.Value, v.Comment, v.Evidence, last?.ValueOf(v.Code));
            if (!result.IsSuccess) return new ReportSaved(CommandOutcome.Invalid($"Value[{v.Code}]", result.Error!.Code), []);
            warnings.AddRange(result.Value!.Select(f => (v.Code, f.Code)));
        }
        report.SetNarrative(cmd.Narrative);
        foreach (var c in cmd.Commitments) report.SetCommitment(c.Key, c.Status, c.Comment);
        return new ReportSaved(await db.SaveVersionedAsync(report, cmd.Version, ct), warnings);
    }
}
