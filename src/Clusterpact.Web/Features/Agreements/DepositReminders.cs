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
/// Runs the deposit and annual-report checks at start and every six hours (Reminders:Enabled turns it off, e.g. in tests)
/// on every node. What makes that safe is in the database, not in this loop (decision 0018): each run holds the
/// installation-wide lock of its kind, and each reminder has its idempotency key (kind, record, state, person), so two
/// nodes at the same moment queue each e-mail once. Misfire rule: a check looks at the state of today, so a node that
/// was down at the due time catches up once at its next run (at start); a state that passed while every node was down
/// (due soon, now late) is not sent afterwards, only the current one.
/// </summary>
public sealed class DepositReminderService(IServiceScopeFactory scopes, ILogger<DepositReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queued = await scope.ServiceProvider.GetRequiredService<DepositReminders>().RunAsync(stoppingToken);
                if (queued > 0) log.LogInformation("Queued {Count} cofinancing deposit reminders", queued);
                Infrastructure.Telemetry.ClusterpactTelemetry.RemindersQueued.Add(queued, new KeyValuePair<string, object?>("kind", "deposit"));
                var reports = await scope.ServiceProvider.GetRequiredService<Reports.ReportReminders>().RunAsync(stoppingToken);
                if (reports > 0) log.LogInformation("Queued {Count} annual report reminders", reports);
                Infrastructure.Telemetry.ClusterpactTelemetry.RemindersQueued.Add(reports, new KeyValuePair<string, object?>("kind", "report"));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Deposit reminders failed");
            }
            try { await Task.Delay(TimeSpan.FromHours(6), stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }
}
