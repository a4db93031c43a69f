using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Infrastructure.Jobs;

public sealed record JobState(Guid Id, string Kind, JobStatus Status, double Progress, string? ProgressText, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

/// <summary>GET /api/v1/jobs/{id}: a job's progress, for the person who started it (and administrators).</summary>
public static class JobsApi
{
    public static void MapJobsApi(this RouteGroupBuilder api) =>
        api.MapGet("/jobs/{id:guid}", async Task<Results<Ok<JobState>, NotFound>> (Guid id, ClusterpactDbContext db, CurrentUser user, JobProgressStore progress, CancellationToken ct) =>
            {
                var isAdmin = user.IsInRole(Roles.Administrator);
                var job = await db.BackgroundJobs.AsNoTracking()
                    .Where(j => j.Id == id && (isAdmin || j.CreatedBy == user.Id))
                    .Select(j => new JobState(j.Id, j.Kind, j.Status, j.Progress, j.ProgressText, j.Error, j.CreatedAt, j.FinishedAt))
                    .SingleOrDefaultAsync(ct);
                if (job is null) return TypedResults.NotFound();
                return progress.Get(id) is { } live && job.Status == JobStatus.Running
                    ? TypedResults.Ok(job with { Progress = live.Fraction, ProgressText = live.Text })
                    : TypedResults.Ok(job);
            })
            .RequireAuthorization(Policies.SignedIn).ForAnyApiArea().WithTags("Jobs").WithName("GetJob")
            .WithExample(new JobState(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ae001"), "Import.Commit", JobStatus.Running, 0.4, "800 / 2000", null, new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.Zero), null)).WithSummary("Progress of a long task you started.");
}
