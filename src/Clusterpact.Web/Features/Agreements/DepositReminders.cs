using Quartz;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>
/// Warns the cluster's managers and the agency's programme officers when a cofinancing deposit is due soon or late
/// (SERV advice §4.2.1). Each person gets each warning once per year and status, however often the check runs.
/// </summary>
public sealed class DepositReminders(ClusterpactDbContext db, EmailOutbox outbox, IStringLocalizerFactory localizers, TimeProvider clock, Infrastructure.Hosting.PublicUrls urls)
{
    /// <summary>One run at a time on all nodes (<see cref="Infrastructure.Nodes.ExclusiveRun"/>); returns how many e-mails it queued.</summary>
    public Task<int> RunAsync(CancellationToken ct) => Infrastructure.Nodes.ExclusiveRun.RunAsync(db, "reminders:deposit", QueueAsync, ct);

    private async Task<int> QueueAsync(CancellationToken ct)
    {
        var today = clock.TodayInBrussels();
        var years = await db.AgreementYears.AsNoTracking().Where(y => !y.LapseDecided && y.YearStart <= today).ToListAsync(ct);
        var officers = await PersonalMail.ProgrammeOfficersAsync(db, ct);
        var queued = 0;
        foreach (var year in years)
        {
            var state = year.DepositOn(today);
            if (state.Status is not (DepositStatus.DueSoon or DepositStatus.Late)) continue;
            var agreement = await db.SupportAgreements.AsNoTracking().Where(a => a.Id == year.AgreementId).Select(a => new { a.Id, a.ClusterId }).SingleAsync(ct);
            var cluster = await db.Clusters.AsNoTracking().Where(c => c.Id == agreement.ClusterId).Select(c => c.Name).SingleAsync(ct);
            var managers = await PersonalMail.ManagersOfAsync(db, agreement.ClusterId, ct);
            queued += await PersonalMail.SendAsync(outbox, localizers, urls, managers.Concat(officers), (text, _) => (
                text[$"Reminder.Deposit{state.Status}.Subject", cluster, year.YearIndex].Value,
                text["Reminder.Deposit.Body", cluster, year.YearIndex, Infrastructure.Formatting.Format.Money(state.Required),
                    Infrastructure.Formatting.Format.Date(state.Deadline), Infrastructure.Formatting.Format.Money(state.PaidSoFar), Infrastructure.Formatting.Format.Money(state.Shortfall),
                    urls.To($"/Clusters/{agreement.ClusterId}/Agreements/{agreement.Id}/Budget")].Value),
                $"CofinancingDeposit.{state.Status}", $"deposit:{year.Id}:{state.Status}", ct);
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }
}

/// <summary>
/// The deposit and annual-report checks, a Quartz job fired every six hours (Brussels time) and once when a node starts
/// (Reminders:Enabled=false turns both off, e.g. in tests, which run the checks themselves). What makes it safe on several
/// nodes is in the database, not in the scheduler (decision 0018): the cluster fires each trigger on one node and never
/// runs this job on two at once, and each run still holds the installation-wide lock of its kind and each reminder has
/// its idempotency key (kind, record, state, person), so two nodes at the same moment queue each e-mail once.
/// Misfire rule: a check looks at the state of today, so a run that was missed (every node down at the due time) fires
/// once as soon as a node is up, and a node's start runs it anyway; a state that passed while every node was down (due
/// soon, now late) is not sent afterwards, only the current one. A failed run is not retried: the next one catches up.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(IServiceScopeFactory scopes, ILogger<ReminderJob> log) : IJob
{
    public static readonly JobKey Key = new("reminders", Infrastructure.Jobs.Scheduling.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<DepositReminders>().RunAsync(cancellationToken);
        if (queued > 0) log.LogInformation("Queued {Count} cofinancing deposit reminders", queued);
        Infrastructure.Telemetry.ClusterpactTelemetry.RemindersQueued.Add(queued, new KeyValuePair<string, object?>("kind", "deposit"));
        var reports = await scope.ServiceProvider.GetRequiredService<Reports.ReportReminders>().RunAsync(cancellationToken);
        if (reports > 0) log.LogInformation("Queued {Count} annual report reminders", reports);
        Infrastructure.Telemetry.ClusterpactTelemetry.RemindersQueued.Add(reports, new KeyValuePair<string, object?>("kind", "report"));
    }

    /// <summary>The job and its two triggers: the cron schedule (Reminders:Cron, by default 00:00, 06:00, 12:00, 18:00) and the node's start.</summary>
    public static IServiceCollection AddReminderSchedule(IServiceCollection services, IConfiguration config)
    {
        if (!config.GetValue("Reminders:Enabled", true)) return services;
        var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        return services.ConfigureAllQuartzSchedulers(q =>
        {
            q.AddJob<ReminderJob>(j => j.WithIdentity(Key).StoreDurably());
            q.AddTrigger(t => t.WithIdentity("reminders-cron", Infrastructure.Jobs.Scheduling.Group).ForJob(Key)
                .WithCronSchedule(config["Reminders:Cron"] ?? "0 0 0/6 * * ?", c => c.InTimeZone(brussels).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddTrigger(t => t.WithIdentity("reminders-at-start", Infrastructure.Jobs.Scheduling.Group).ForJob(Key).StartNow()
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)));
        });
    }
}
