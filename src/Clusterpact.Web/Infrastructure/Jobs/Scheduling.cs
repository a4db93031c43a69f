using Quartz;

namespace Clusterpact.Web.Infrastructure.Jobs;

/// <summary>
/// Background work runs on Quartz.NET (decision 0018). On PostgreSQL its job store is persistent and clustered (the
/// qrtz_ tables, migration QuartzStore): a trigger fires on one node of the cluster, a job marked
/// [DisallowConcurrentExecution] never runs on two nodes at once, and the firings of a node that dies are recovered by
/// another. SQLite is one node by nature: the store is in memory. Quartz keeps time by the system clock; the jobs read
/// the application's <see cref="TimeProvider"/> for what day it is (in the tests a fake one, which Quartz must not wait on).
/// What must happen once is proven in the application's own tables, not trusted to Quartz alone: a job's Queued→Running
/// claim, a reminder run's lock and each e-mail's DedupKey, each outbox row's claim.
/// </summary>
public static class Scheduling
{
    public const string Group = "clusterpact";

    /// <summary>The cluster's name: nodes that share a database and this name share their triggers.</summary>
    public const string SchedulerNameSetting = "Jobs:SchedulerName";

    public static IServiceCollection AddClusterpactJobs(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<JobProgressStore>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobScheduling>();
        services.AddScoped<JobQueue>();
        var postgres = DataServices.IsPostgres(config);
        var name = config[SchedulerNameSetting] ?? "Clusterpact";
        services.AddSingleton(sp => new ClusterpactScheduler(sp, name));
        // A named scheduler, so that its clock is its own: the default one would take the container's TimeProvider,
        // which the tests replace with a fake clock that Quartz's waits would never see move.
        services.AddQuartz(name, q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.IdleWaitTime = TimeSpan.FromSeconds(5);
                // At shutdown a running job is asked to stop (an import hands its job back, see JobRunner) and waited for.
                o.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            q.UseTimeProvider(TimeProvider.System);
            q.UseDefaultThreadPool(4);
            if (postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(config.GetConnectionString("PostgreSQL")!);
                    store.ConfigureStore(o =>
                    {
                        o.MisfireThreshold = TimeSpan.FromSeconds(30);
                        // A firing stopped by its node's shutdown is fired again by another node (or this one at its next start).
                        o.RecoverFiringsCancelledByShutdown = true;
                    });
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        // A node silent for interval + threshold is taken for dead and its firings are recovered elsewhere.
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
            q.AddJob<BackgroundJobExecution>(j => j.WithIdentity(BackgroundJobExecution.Key).StoreDurably().RequestRecovery());
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<QueuedJobsAtStart>();
        return services;
    }
}

/// <summary>The installation's scheduler (the other areas add their jobs with <c>ConfigureAllQuartzSchedulers</c>).</summary>
public sealed class ClusterpactScheduler(IServiceProvider services, string name)
{
    public IScheduler Scheduler => services.GetRequiredKeyedService<IScheduler>(name);
}

/// <summary>Fires <see cref="BackgroundJobExecution"/> for one stored <see cref="BackgroundJob"/>, as soon as a node is free.</summary>
public sealed class JobScheduling(ClusterpactScheduler scheduler, ILogger<JobScheduling> log)
{
    public async Task RunSoonAsync(Guid id, CancellationToken ct)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"job-{id:N}", "background-jobs")
            .ForJob(BackgroundJobExecution.Key)
            .UsingJobData(BackgroundJobExecution.IdKey, id.ToString())
            .StartNow()
            // Late is still to be run: a misfired trigger fires at once.
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            await scheduler.Scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), ct);
        }
        catch (ObjectAlreadyExistsException)
        {
            log.LogDebug("Job {Id} is already waiting to run", id);
        }
    }
}

/// <summary>
/// Runs one <see cref="BackgroundJob"/> through <see cref="JobRunner"/>, which claims it (Queued→Running) so that it runs
/// once however often it is fired. Fired again after its node died (recovery): the job's commit mark closes the
/// interrupted run first, then a job still queued (handed back at shutdown) runs.
/// </summary>
public sealed class BackgroundJobExecution(JobRunner runner) : IJob
{
    public static readonly JobKey Key = new("background-job", Scheduling.Group);
    public const string IdKey = "id";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(IdKey), out var id)) return;
        if (context.Recovering) await runner.CloseInterruptedAsync(id, cancellationToken);
        await runner.RunOneAsync(id, cancellationToken);
    }
}

/// <summary>
/// At start: jobs queued without a trigger (the in-memory store of SQLite forgets its triggers at a restart; a node may
/// stop between storing a job and scheduling it) are scheduled again. On SQLite, the one node, the jobs left running by
/// the previous process are closed by their commit mark; on PostgreSQL that is the cluster's recovery of the dead node's
/// firings, which does not mistake another live node's running job for an interrupted one.
/// </summary>
public sealed class QueuedJobsAtStart(IServiceScopeFactory scopes, JobRunner runner, JobScheduling scheduling, IConfiguration config) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!DataServices.IsPostgres(config)) await runner.RecoverAllRunningAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        foreach (var id in await db.BackgroundJobs.Where(j => j.Status == JobStatus.Queued).OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(cancellationToken))
            await scheduling.RunSoonAsync(id, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
