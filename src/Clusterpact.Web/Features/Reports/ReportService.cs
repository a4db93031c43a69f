using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Reports;

public sealed record ReportRow(Guid? Id, Guid ClusterId, string ClusterName, int Year, ReportStatus? Status, DateOnly DueOn, DeadlineState Deadline, bool CanStart);

/// <summary>What the form sends for one reported KPI: the value as typed, a comment and where the evidence is.</summary>
public sealed record ValueInput(string Code, decimal? Value, string? Comment, string? Evidence);

public sealed record CommitmentInput(Guid Key, CommitmentStatus Status, string? Comment);

/// <summary>
/// Annual reports: the cluster's manager (or agency staff) starts and edits the report of a working year while it
/// is a draft or returned, and submits it; agency staff return it with remarks or accept it. Readers read.
/// </summary>
public sealed class ReportService(ClusterpactDbContext db, ClusterAccess access, CurrentUser user, RecordActors actors, TimeProvider clock)
{
    public DateOnly Today => clock.TodayInBrussels();

    public async Task<IReadOnlyList<ReportRow>> ListAsync(int year, ReportStatus? status, CancellationToken ct)
    {
        var clusters = await access.VisibleClusters().AsNoTracking()
            .Where(c => c.Type == Domain.Clusters.ClusterType.SpearheadCluster || c.Type == Domain.Clusters.ClusterType.InnovativeBusinessNetwork)
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.SupportStart, c.SupportEnd }).ToListAsync(ct);
        var ids = clusters.Select(c => c.Id).ToList();
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year && ids.Contains(r.ClusterId)).ToDictionaryAsync(r => r.ClusterId, ct);
        var rows = new List<ReportRow>();
        foreach (var c in clusters)
        {
            if (reports.TryGetValue(c.Id, out var r))
                rows.Add(new ReportRow(r.Id, c.Id, c.Name, year, r.Status, r.DueOn, r.DeadlineOn(Today), false));
            else if ((c.SupportStart is null || c.SupportStart.Value.Year <= year) && (c.SupportEnd is null || c.SupportEnd.Value.Year >= year))
                rows.Add(new ReportRow(null, c.Id, c.Name, year, null, AnnualReport.DefaultDue(year), Today > AnnualReport.DefaultDue(year) ? DeadlineState.Overdue : DeadlineState.NotDue, await access.CanEditAsync(c.Id, ct)));
        }
        return rows.Where(r => status is null || r.Status == status).ToList();
    }

    public async Task<(CommandOutcome Outcome, Guid? Id)> StartAsync(Guid clusterId, int year, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(clusterId, ct)) return (CommandOutcome.NotFound, null);
        if (!await access.CanEditAsync(clusterId, ct)) return (CommandOutcome.Forbidden, null);
        if (AnnualReport.CheckYear(year) is not null || year > Today.Year) return (CommandOutcome.Invalid("Year", "Report.YearInvalid"), null);
        var existing = await db.AnnualReports.Where(r => r.ClusterId == clusterId && r.Year == year).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
        if (existing is not null) return (CommandOutcome.Ok(0), existing);
        var report = AnnualReport.Start(clusterId, year);
        db.AnnualReports.Add(report);
        await db.SaveChangesAsync(ct);
        return (CommandOutcome.Ok(report.Version), report.Id);
    }

    /// <summary>A report as its page shows it, with what the person is for it in the lifecycle table.</summary>
    public sealed record ReportView(AnnualReport Report, string ClusterName, bool CanEdit, IReadOnlySet<Actor> Actors, IReadOnlyList<PactCommitment> Commitments, IReadOnlyDictionary<string, decimal?> LastYear);

    public async Task<ReportView?> GetAsync(Guid id, CancellationToken ct)
    {
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await access.CanSeeAsync(report.ClusterId, ct)) return null;
        var name = await db.Clusters.Where(c => c.Id == report.ClusterId).Select(c => c.Name).SingleAsync(ct);
        var pact = await db.ClusterPacts.AsNoTracking().SingleOrDefaultAsync(p => p.ClusterId == report.ClusterId, ct);
        var adopted = pact?.Versions.Where(v => v.IsAdopted && v.Year <= report.Year).MaxBy(v => v.Number) ?? pact?.Versions.Where(v => v.IsAdopted).MinBy(v => v.Number);
        var commitments = adopted is null ? [] : pact!.CommitmentsOf(adopted.Number);
        var last = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.ClusterId == report.ClusterId && r.Year == report.Year - 1, ct);
        var lastYear = KpiCatalogue.Reported.ToDictionary(k => k.Code, k => last?.ValueOf(k.Code));
        return new ReportView(report, name, report.IsEditable && await access.CanEditAsync(report.ClusterId, ct), await actors.OnClusterAsync(report.ClusterId, ct),
            commitments, lastYear);
    }

    /// <summary>Saves the draft: every value is checked at entry; the first refused value is reported with its KPI, and nothing is saved then.</summary>
    public async Task<(CommandOutcome Outcome, IReadOnlyList<(string Code, string Warning)> Warnings)> SaveAsync(Guid id, long version, IReadOnlyList<ValueInput> values,
        string? narrative, IReadOnlyList<CommitmentInput> commitments, CancellationToken ct)
    {
        var (report, refusal) = await LoadAsync(id, version, edit: true, ct);
        if (report is null) return (refusal!, []);
        var warnings = new List<(string, string)>();
        foreach (var v in values)
        {
            var last = await db.AnnualReports.AsNoTracking().Where(r => r.ClusterId == report.ClusterId && r.Year == report.Year - 1).FirstOrDefaultAsync(ct);
            var result = report.SetValue(v.Code, v.Value, v.Comment, v.Evidence, last?.ValueOf(v.Code));
            if (!result.IsSuccess) return (CommandOutcome.Invalid($"Value[{v.Code}]", result.Error!.Code), []);
            warnings.AddRange(result.Value!.Select(f => (v.Code, f.Code)));
        }
        report.SetNarrative(narrative);
        foreach (var c in commitments) report.SetCommitment(c.Key, c.Status, c.Comment);
        return (await db.SaveVersionedAsync(report, version, ct), warnings);
    }

    public async Task<CommandOutcome> SubmitAsync(Guid id, long version, CancellationToken ct)
    {
        var (report, refusal) = await LoadAsync(id, version, edit: true, ct);
        if (report is null) return refusal!;
        var result = report.Submit(await actors.OnClusterAsync(report.ClusterId, ct), user.Name, clock.GetUtcNow());
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, result.Error!.Code == "Report.NarrativeMissing" ? "Narrative" : "Values");
        return await db.SaveVersionedAsync(report, version, ct);
    }

    /// <summary>A step of the report's lifecycle (return with remarks, accept), checked by the report against its table with the person's actors.</summary>
    public async Task<CommandOutcome> StepAsync(Guid id, long version, string step, string? reason, CancellationToken ct)
    {
        var (report, refusal) = await LoadAsync(id, version, edit: false, ct);
        if (report is null) return refusal!;
        var result = report.Take(step, await actors.OnClusterAsync(report.ClusterId, ct), user.Name, clock.GetUtcNow(), reason);
        if (!result.IsSuccess) return CommandOutcome.Invalid("Remark", result.Error!.Code);
        return await db.SaveVersionedAsync(report, version, ct);
    }

    private async Task<(AnnualReport? Report, CommandOutcome? Refusal)> LoadAsync(Guid id, long version, bool edit, CancellationToken ct)
    {
        var report = await db.AnnualReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await access.CanSeeAsync(report.ClusterId, ct)) return (null, CommandOutcome.NotFound);
        if (edit && !await access.CanEditAsync(report.ClusterId, ct)) return (null, CommandOutcome.Forbidden);
        if (report.Version != version) return (null, CommandOutcome.Conflict);
        return (report, null);
    }

}
