using System.Text.Json;
using Clusterpact.Web.Infrastructure.EnterpriseRegister;

namespace Clusterpact.Web.Features.Admin.Register;

public sealed record RegisterLoadRow(int ExtractNumber, Domain.EnterpriseRegister.ExtractType Type, DateOnly SnapshotDate, string Source, DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt, bool Completed, RegisterLoadSummary? Summary, string StagedFiles);

/// <param name="Loads">The last 24 extract loads, newest first, with their summaries.</param>
/// <param name="Jobs">The last 5 load jobs, newest first; a running one with its live progress.</param>
public sealed record RegisterLoads(IReadOnlyList<RegisterLoadRow> Loads, IReadOnlyList<BackgroundJob> Jobs);

/// <summary>What the register page shows of past and running loads of the official enterprise register.</summary>
public sealed class GetRegisterLoads(ClusterpactDbContext db, JobProgressStore progress) : IUseCase
{
    public async Task<RegisterLoads> HandleAsync(CancellationToken ct)
    {
        var loads = await db.RegisterLoads.AsNoTracking().OrderByDescending(l => l.StartedAt).Take(24).ToListAsync(ct);
        var jobs = await db.BackgroundJobs.AsNoTracking().Where(j => j.Kind == RegisterLoadJob.JobKind)
            .OrderByDescending(j => j.CreatedAt).Take(5).ToListAsync(ct);
        foreach (var j in jobs.Where(j => j.Status == JobStatus.Running))
            if (progress.Get(j.Id) is { } live) (j.Progress, j.ProgressText) = (live.Fraction, live.Text);
        return new RegisterLoads(loads.Select(l => new RegisterLoadRow(l.ExtractNumber, l.Type, l.SnapshotDate, l.Source, l.StartedAt, l.CompletedAt, l.Completed,
            l.Summary is { } s ? JsonSerializer.Deserialize<RegisterLoadSummary>(s) : null, l.StagedFiles)).ToList(), jobs);
    }
}
