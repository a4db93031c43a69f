namespace Clusterpact.Web.Infrastructure.Jobs;

public sealed record JobState(Guid Id, string Kind, JobStatus Status, double Progress, string? ProgressText, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

/// <summary>A job's progress, for the person who started it (and administrators); a running job's live progress where this node has it. Null for anyone else's.</summary>
public sealed class GetJobState(ClusterpactDbContext db, CurrentUser user, JobProgressStore progress) : IUseCase
{
    public async Task<JobState?> HandleAsync(Guid id, CancellationToken ct)
    {
        var isAdmin = user.IsInRole(Roles.Administrator);
        var job = await db.BackgroundJobs.AsNoTracking()
            .Where(j => j.Id == id && (isAdmin || j.CreatedBy == user.Id))
            .Select(j => new JobState(j.Id, j.Kind, j.Status, j.Progress, j.ProgressText, j.Error, j.CreatedAt, j.FinishedAt))
            .SingleOrDefaultAsync(ct);
        return job is not null && progress.Get(id) is { } live && job.Status == JobStatus.Running ? job with { Progress = live.Fraction, ProgressText = live.Text } : job;
    }
}
