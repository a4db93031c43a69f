using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Infrastructure.Jobs;

/// <summary>GET /api/v1/jobs/{id}: a job's progress, for the person who started it (and administrators), through <see cref="GetJobState"/>.</summary>
public static class JobsApi
{
    public static void MapJobsApi(this RouteGroupBuilder api) =>
        api.MapGet("/jobs/{id:guid}", async Task<Results<Ok<JobState>, NotFound>> (Guid id, GetJobState get, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound())
            .RequireAuthorization(Policies.SignedIn).ForAnyApiArea().WithTags("Jobs").WithName("GetJob")
            .WithExample(new JobState(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ae001"), "Import.Commit", JobStatus.Running, 0.4, "800 / 2000", null, new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.Zero), null)).WithSummary("Progress of a long task you started.");
}
