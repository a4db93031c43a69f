using System.Threading.Channels;

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
}

/// <summary>Starts jobs: stores them as queued and hands them to the runner.</summary>
public sealed class JobQueue(ClusterpactDbContext db, TimeProvider clock, JobChannel channel)
{
    public async Task<Guid> EnqueueAsync(string kind, string inputJson, Guid? createdBy, CancellationToken ct)
    {
        var job = new BackgroundJob { Kind = kind, Input = inputJson, CreatedBy = createdBy, CreatedAt = clock.GetUtcNow(), Status = JobStatus.Queued };
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync(ct);
        await channel.Writer.WriteAsync(job.Id, ct);
        return job.Id;
    }
}

public sealed class JobChannel
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();
    public ChannelWriter<Guid> Writer => _channel.Writer;
    public ChannelReader<Guid> Reader => _channel.Reader;
}

/// <summary>
/// Runs queued jobs one at a time (the machine has two cores; imports are heavy). Jobs queued before a restart
/// are picked up again at start; jobs that were running when the process stopped are marked failed.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, JobChannel channel, JobProgressStore store, TimeProvider clock, ILogger<JobRunner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        await foreach (var id in channel.Reader.ReadAllAsync(stoppingToken))
        {
            await RunOneAsync(id, stoppingToken);
        }
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        await db.BackgroundJobs.Where(j => j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.Error, "Job.Interrupted"), ct);
        foreach (var id in await db.BackgroundJobs.Where(j => j.Status == JobStatus.Queued).OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(ct))
            await channel.Writer.WriteAsync(id, ct);
    }

    public async Task RunOneAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        var job = await db.BackgroundJobs.SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.Status != JobStatus.Queued) return;
        var handler = scope.ServiceProvider.GetServices<IJobHandler>().SingleOrDefault(h => h.Kind == job.Kind);
        if (job.CreatedBy is { } creator)
        {
            var person = await db.Users.AsNoTracking().Where(u => u.Id == creator).Select(u => new { u.Id, u.UserName }).SingleOrDefaultAsync(ct);
            var roles = await db.UserRoles.Where(r => r.UserId == creator).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
            if (person is not null) scope.ServiceProvider.GetRequiredService<Auth.CurrentUser>().ActAs(person.Id, person.UserName ?? "", roles);
        }
        job.Status = JobStatus.Running;
        job.StartedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        try
        {
            if (handler is null) throw new InvalidOperationException($"No handler for job kind '{job.Kind}'.");
            var progress = new MemoryJobProgress(store, job.Id);
            var result = await handler.RunAsync(job, progress, ct);
            await db.BackgroundJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Succeeded).SetProperty(j => j.Result, result)
                .SetProperty(j => j.Progress, 1.0).SetProperty(j => j.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
            store.Remove(id);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Job {Id} ({Kind}) failed", id, job.Kind);
            var error = ex is JobFailedException jf ? jf.MessageKey : "Job.Failed";
            await db.BackgroundJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.Error, error)
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
            store.Remove(id);
        }
    }

    /// <summary>
    /// Progress lives in memory while the job runs: writing it to the database would need a second writer while the
    /// job holds its transaction, which SQLite serialises. The final state is written when the job ends.
    /// </summary>
    private sealed class MemoryJobProgress(JobProgressStore store, Guid id) : IJobProgress
    {
        public Task ReportAsync(double fraction, string? text, CancellationToken ct)
        {
            store.Set(id, Math.Clamp(fraction, 0, 1), text);
            return Task.CompletedTask;
        }
    }
}

/// <summary>A job ended by a business reason the user should read (a message key), not by a bug.</summary>
public sealed class JobFailedException(string messageKey) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
}

public static class JobServices
{
    public static IServiceCollection AddClusterpactJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobChannel>();
        services.AddSingleton<JobProgressStore>();
        services.AddScoped<JobQueue>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }
}

/// <summary>The progress of running jobs, in memory (one process runs the jobs).</summary>
public sealed class JobProgressStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (double Fraction, string? Text)> _running = new();

    public void Set(Guid id, double fraction, string? text) => _running[id] = (fraction, text);

    public (double Fraction, string? Text)? Get(Guid id) => _running.TryGetValue(id, out var p) ? p : null;

    public void Remove(Guid id) => _running.TryRemove(id, out _);
}
