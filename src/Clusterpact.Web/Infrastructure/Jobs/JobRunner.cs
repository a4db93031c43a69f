using System.Diagnostics;

namespace Clusterpact.Web.Infrastructure.Jobs;

/// <summary>Reports a job's progress (a fraction from 0 to 1 and a short text).</summary>
public interface IJobProgress
{
    Task ReportAsync(double fraction, string? text, CancellationToken ct);
}

/// <summary>A kind of job: does the work for one <see cref="BackgroundJob"/> and returns its result as JSON.</summary>
public interface IJobHandler
{
    string Kind { get; }
    Task<string> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct);

    /// <summary>
    /// After the node running the job died: the job's result when its work was committed all the same (its commit wrote
    /// a mark in the same transaction), or null when nothing of it was. Jobs without such a mark answer null.
    /// </summary>
    Task<string?> CommittedResultAsync(BackgroundJob job, CancellationToken ct) => Task.FromResult<string?>(null);
}

/// <summary>Starts jobs: stores them as queued and has the scheduler run them (<see cref="JobScheduling"/>).</summary>
public sealed class JobQueue(ClusterpactDbContext db, TimeProvider clock, JobScheduling scheduling)
{
    public async Task<Guid> EnqueueAsync(string kind, string inputJson, Guid? createdBy, CancellationToken ct)
    {
        var job = new BackgroundJob { Kind = kind, Input = inputJson, CreatedBy = createdBy, CreatedAt = clock.GetUtcNow(), Status = JobStatus.Queued };
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync(ct);
        await scheduling.RunSoonAsync(job.Id, ct);
        return job.Id;
    }
}

/// <summary>
/// Runs a queued job when the scheduler fires it (<see cref="BackgroundJobExecution"/>), one at a time on a node (the
/// machine has two cores; imports are heavy). A job is claimed by an atomic update from Queued to Running, so a job fired
/// twice (on two nodes, or again after a restart) runs once. A job stopped by its node's shutdown is handed back (or
/// closed as succeeded when its work was committed); one whose node died is closed by its commit mark. Its progress goes
/// to the database on PostgreSQL, where any node reads it.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, JobProgressStore store, TimeProvider clock, ILogger<JobRunner> log, IConfiguration config)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly bool _progressInDatabase = DataServices.IsPostgres(config);

    public async Task RunOneAsync(Guid id, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            await RunClaimedAsync(id, ct);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task RunClaimedAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        var now = clock.GetUtcNow();
        var claimed = await db.BackgroundJobs.Where(j => j.Id == id && j.Status == JobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.StartedAt, now), ct);
        if (claimed == 0) return;
        var job = await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
        var handler = scope.ServiceProvider.GetServices<IJobHandler>().SingleOrDefault(h => h.Kind == job.Kind);
        using var activity = Telemetry.ClusterpactTelemetry.Source.StartActivity($"job {job.Kind}");
        activity?.SetTag("clusterpact.job.id", id.ToString());
        activity?.SetTag("clusterpact.job.kind", job.Kind);
        var outcome = "Failed";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await ActAsStarterAsync(scope.ServiceProvider, db, job, ct);
        try
        {
            if (handler is null) throw new InvalidOperationException($"No handler for job kind '{job.Kind}'.");
            var progress = new Progress(store, scopes, job.Id, _progressInDatabase, clock);
            var result = await handler.RunAsync(job, progress, ct);
            await db.BackgroundJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Succeeded).SetProperty(j => j.Result, result)
                .SetProperty(j => j.Progress, 1.0).SetProperty(j => j.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
            outcome = "Succeeded";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The node is shutting down and did not finish in time. The job's commit mark says what happened: committed
            // (the commit went through just before the cancellation) means succeeded; otherwise nothing of it was
            // committed and it goes back to the queue, for this node or another to run when it next starts.
            db.ChangeTracker.Clear();
            var committed = handler is null ? null : await handler.CommittedResultAsync(job, CancellationToken.None);
            if (committed is not null)
            {
                log.LogWarning("Job {Id} ({Kind}) was committed as the node stopped: succeeded", id, job.Kind);
                await db.BackgroundJobs.Where(j => j.Id == id && j.Status == JobStatus.Running).ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Succeeded).SetProperty(j => j.Result, committed)
                    .SetProperty(j => j.Progress, 1.0).SetProperty(j => j.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
                outcome = "Succeeded";
            }
            else
            {
                log.LogWarning("Job {Id} ({Kind}) handed back at shutdown", id, job.Kind);
                await db.BackgroundJobs.Where(j => j.Id == id && j.Status == JobStatus.Running).ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.StartedAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.Progress, 0.0).SetProperty(j => j.ProgressText, (string?)null), CancellationToken.None);
                outcome = "HandedBack";
            }
            throw;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Job {Id} ({Kind}) failed", id, job.Kind);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            var error = ex is JobFailedException jf ? jf.MessageKey : "Job.Failed";
            await db.BackgroundJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.Error, error)
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
        }
        finally
        {
            store.Remove(id);
            activity?.SetTag("clusterpact.job.outcome", outcome);
            var tags = new TagList { { "kind", job.Kind }, { "outcome", outcome } };
            Telemetry.ClusterpactTelemetry.JobsEnded.Add(1, tags);
            Telemetry.ClusterpactTelemetry.JobDuration.Record(watch.Elapsed.TotalSeconds, tags);
        }
    }

    /// <summary>At start of the one SQLite node: jobs that were running when the process stopped are over, one way or the other.</summary>
    public async Task RecoverAllRunningAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        foreach (var job in await db.BackgroundJobs.AsNoTracking().Where(j => j.Status == JobStatus.Running).ToListAsync(ct))
            await MarkInterruptedAsync(scope.ServiceProvider, db, job, ct);
    }

    /// <summary>The node that ran this job died (the scheduler recovers its firing): if it was running, it is over.</summary>
    public async Task CloseInterruptedAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        var job = await db.BackgroundJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.Status == JobStatus.Running, ct);
        if (job is not null) await MarkInterruptedAsync(scope.ServiceProvider, db, job, ct);
    }

    private async Task MarkInterruptedAsync(IServiceProvider services, ClusterpactDbContext db, BackgroundJob job, CancellationToken ct)
    {
        var handler = services.GetServices<IJobHandler>().SingleOrDefault(h => h.Kind == job.Kind);
        string? committed = null;
        try
        {
            if (handler is not null) committed = await handler.CommittedResultAsync(job, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Job {Id} ({Kind}): could not tell whether its work was committed", job.Id, job.Kind);
        }
        var now = clock.GetUtcNow();
        if (committed is not null)
        {
            log.LogWarning("Job {Id} ({Kind}) was interrupted after its commit: succeeded", job.Id, job.Kind);
            await db.BackgroundJobs.Where(j => j.Id == job.Id && j.Status == JobStatus.Running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Succeeded).SetProperty(j => j.Result, committed)
                .SetProperty(j => j.Progress, 1.0).SetProperty(j => j.FinishedAt, now), ct);
        }
        else
        {
            log.LogWarning("Job {Id} ({Kind}) was interrupted: nothing of it was committed", job.Id, job.Kind);
            await db.BackgroundJobs.Where(j => j.Id == job.Id && j.Status == JobStatus.Running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.Error, "Job.Interrupted").SetProperty(j => j.FinishedAt, now), ct);
        }
    }

    /// <summary>A job acts as the person who started it, so the audit trail names them.</summary>
    private static async Task ActAsStarterAsync(IServiceProvider services, ClusterpactDbContext db, BackgroundJob job, CancellationToken ct)
    {
        if (job.CreatedBy is not { } creator) return;
        var person = await db.Users.AsNoTracking().Where(u => u.Id == creator).Select(u => new { u.Id, u.UserName }).SingleOrDefaultAsync(ct);
        var roles = await db.UserRoles.Where(r => r.UserId == creator).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        if (person is not null) services.GetRequiredService<Auth.CurrentUser>().ActAs(person.Id, person.UserName ?? "", roles);
    }

    /// <summary>
    /// Progress in this node's memory at once, and on PostgreSQL also in the job's row (at most twice a second, through a
    /// connection of its own, outside the job's transaction) so that every node shows it. SQLite keeps it in memory: a
    /// second writer would wait for the job's transaction, and an SQLite installation is one node anyway.
    /// </summary>
    private sealed class Progress(JobProgressStore store, IServiceScopeFactory scopes, Guid id, bool inDatabase, TimeProvider clock) : IJobProgress
    {
        private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
        private DateTimeOffset _written = DateTimeOffset.MinValue;

        public async Task ReportAsync(double fraction, string? text, CancellationToken ct)
        {
            fraction = Math.Clamp(fraction, 0, 1);
            store.Set(id, fraction, text);
            var now = clock.GetUtcNow();
            if (!inDatabase || (now - _written < Every && fraction < 1)) return;
            _written = now;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
            var shown = text is { Length: > 300 } ? text[..300] : text;
            await db.BackgroundJobs.Where(j => j.Id == id && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, fraction).SetProperty(j => j.ProgressText, shown), ct);
        }
    }
}

/// <summary>A job ended by a business reason the user should read (a message key), not by a bug.</summary>
public sealed class JobFailedException(string messageKey) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
}

/// <summary>The progress of jobs running on this node, in memory; other nodes read it from the job's row.</summary>
public sealed class JobProgressStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (double Fraction, string? Text)> _running = new();

    public void Set(Guid id, double fraction, string? text) => _running[id] = (fraction, text);

    public (double Fraction, string? Text)? Get(Guid id) => _running.TryGetValue(id, out var p) ? p : null;

    public void Remove(Guid id) => _running.TryRemove(id, out _);
}
