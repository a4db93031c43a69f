using Quartz;

namespace Clusterpact.Web.Infrastructure.Jobs;

/// <summary>
/// Background work runs on Quartz.NET (docs/operations.md, "Jobs on several nodes"). On PostgreSQL its job store is
/// persistent and clustered (the qrtz_ tables, migration NodesAndScheduler): every trigger fires on exactly one node,
/// a job marked non-concurrent never runs on two nodes at once, and the jobs of a node that dies are fired again on
/// another one (recovery). On SQLite, which is one node by nature, the store is in memory.
/// Misfires: the outbox dispatch skips missed runs (the next one sends everything due); the reminders fire once at
/// once after a missed run (nothing is sent twice: one e-mail per reminder key); a background job fires at once.
/// </summary>
public static class Scheduling
{
    public const string SchedulerNameSetting = "Jobs:SchedulerName";

    private static int _hostsInProcess;

    /// <summary>
    /// The name the nodes of one cluster share. Quartz also keys its schedulers by name within a process, so a second host
    /// in the same process (only tests start several) gets a name, and so a cluster, of its own.
    /// </summary>
    private static string SchedulerName(IConfiguration config)
    {
        var name = config[SchedulerNameSetting] ?? "Clusterpact";
        var n = Interlocked.Increment(ref _hostsInProcess);
        return n == 1 ? name : $"{name}-{n}";
    }

    public static IServiceCollection AddClusterpactJobs(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<JobProgressStore>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobScheduling>();
        services.AddScoped<JobQueue>();
        var postgres = DataServices.IsPostgres(config);
        var schedulerName = SchedulerName(config);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                // Each node's id is generated when it starts.
                o.InstanceName = schedulerName;
                o.IdleWaitTime = TimeSpan.FromSeconds(5);
            });
            q.UseDefaultThreadPool(tp => tp.MaxConcurrency = 4);
            // The scheduler waits on the machine's clock, never on the business clock the application's TimeProvider is
            // (tests replace that one with a clock that only moves when told, and nothing would ever fire).
            q.UseTimeProvider(TimeProvider.System);
            if (postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(config.GetConnectionString("PostgreSQL")!);
                    store.ConfigureStore(o => o.MisfireThreshold = TimeSpan.FromSeconds(30));
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        // A node silent this long is taken for dead: its running jobs are fired again elsewhere.
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                    });
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            q.AddJob<BackgroundJobExecution>(j => j.WithIdentity(BackgroundJobExecution.Key).StoreDurably().RequestRecovery());

            if (config.GetValue("Email:DispatchInBackground", true))
            {
                q.ScheduleJob<OutboxDispatchJob>(t => t.WithIdentity("outbox-dispatch", "clusterpact").StartNow()
                        .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(config.GetValue("Email:DispatchIntervalSeconds", 10))).RepeatForever()
                            .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                    j => j.WithIdentity("outbox-dispatch", "clusterpact"));
            }
            if (config.GetValue("Reminders:Enabled", true))
            {
                var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
                q.AddJob<ReminderJob>(j => j.WithIdentity(ReminderJob.Key).StoreDurably());
                // Every six hours in Brussels time, and once when a node starts (the check is cheap and idempotent).
                q.AddTrigger(t => t.WithIdentity("reminders-cron", "clusterpact").ForJob(ReminderJob.Key)
                    .WithCronSchedule(config["Reminders:Cron"] ?? "0 0 0/6 * * ?", c => c.InTimeZone(brussels).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
                q.AddTrigger(t => t.WithIdentity("reminders-at-start", "clusterpact").ForJob(ReminderJob.Key).StartNow()
                    .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)));
            }
        });
        // Shutdown waits for running jobs: an import finishes (or, cancelled, hands its job back to the queue).
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<QueuedJobsAtStart>();
        return services;
    }
}

/// <summary>Schedules one background job to run as soon as a node is free.</summary>
public sealed class JobScheduling(ISchedulerFactory schedulers)
{
    public async Task RunSoonAsync(Guid id, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"job-{id:N}", "background-jobs")
            .ForJob(BackgroundJobExecution.Key)
            .UsingJobData(BackgroundJobExecution.IdKey, id.ToString())
            .StartNow()
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), ct);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Already waiting to run.
        }
    }
}

/// <summary>Fires <see cref="JobRunner"/> for one <see cref="BackgroundJob"/>; fired again after its node died.</summary>
public sealed class BackgroundJobExecution(JobRunner runner) : IJob
{
    public static readonly JobKey Key = new("background-job", "clusterpact");
    public const string IdKey = "id";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(IdKey), out var id)) return;
        if (context.Recovering) await runner.RecoverAsync(id, cancellationToken);
        else await runner.RunOneAsync(id, cancellationToken);
    }
}

/// <summary>Sends the outbox; never on two nodes at once (each mail is also claimed by its row lock).</summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.DispatchOnceAsync(cancellationToken);
}

/// <summary>The deposit and annual-report reminders; never on two nodes at once, and each reminder is queued once (unique key).</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(IServiceScopeFactory scopes, ILogger<ReminderJob> log) : IJob
{
    public static readonly JobKey Key = new("reminders", "clusterpact");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<Features.Agreements.DepositReminders>().RunAsync(cancellationToken);
        if (queued > 0) log.LogInformation("Queued {Count} cofinancing deposit reminders", queued);
        var reports = await scope.ServiceProvider.GetRequiredService<Features.Reports.ReportReminders>().RunAsync(cancellationToken);
        if (reports > 0) log.LogInformation("Queued {Count} annual report reminders", reports);
    }
}

/// <summary>
/// At start: jobs queued without a trigger (the node stopped between storing the job and scheduling it, or the store
/// is in memory) are scheduled again; on SQLite, jobs left running by the previous process are closed.
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
