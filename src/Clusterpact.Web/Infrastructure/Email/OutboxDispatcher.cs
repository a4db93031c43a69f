using Clusterpact.Web.Infrastructure.Nodes;
using Quartz;

namespace Clusterpact.Web.Infrastructure.Email;

/// <summary>
/// Sends queued e-mails, each run fired by the scheduler (<see cref="OutboxDispatchJob"/>); a failure is recorded and
/// retried at the next runs, at most 5 times. On PostgreSQL each e-mail is claimed with a row lock (FOR UPDATE SKIP
/// LOCKED) held until it is marked sent, so two dispatchers, on one node or two, never send one e-mail twice.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxDispatcher> log, IConfiguration config)
{
    public const int MaxAttempts = 5;
    private const int BatchSize = 50;
    private readonly bool _postgres = DataServices.IsPostgres(config);

    /// <summary>Sends what is due now, each e-mail tried once; returns how many were sent.</summary>
    public Task<int> DispatchOnceAsync(CancellationToken ct) => _postgres ? DispatchClaimingAsync(ct) : DispatchAllAsync(ct);

    private async Task<int> DispatchAllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<IEmailTransport>();
        var due = await db.OutboxEmails.Where(e => e.SentAt == null && e.Attempts < MaxAttempts).OrderBy(e => e.CreatedAt).Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var email in due)
        {
            if (await TrySendAsync(transport, email, ct)) sent++;
        }
        if (due.Count > 0) await db.SaveChangesAsync(ct);
        return sent;
    }

    private async Task<int> DispatchClaimingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<IEmailTransport>();
        var handedOver = new HashSet<Guid>();
        return await ClaimedRows.HandleEachAsync(db, BatchSize, skip => db.OutboxEmails.FromSql($"""
            SELECT * FROM outbox_emails
            WHERE "SentAt" IS NULL AND "Attempts" < {MaxAttempts} AND NOT ("Id" = ANY({skip}))
            ORDER BY "CreatedAt" LIMIT 1 FOR UPDATE SKIP LOCKED
            """), e => e.Id, async email =>
        {
            // A retry after a dropped connection must not hand the same message to the mail server again.
            var ok = handedOver.Contains(email.Id) || await TrySendAsync(transport, email, ct);
            if (ok) handedOver.Add(email.Id);
            if (ok && email.SentAt is null) (email.SentAt, email.LastError) = (clock.GetUtcNow(), null);
            return ok;
        }, ct);
    }

    private async Task<bool> TrySendAsync(IEmailTransport transport, OutboxEmail email, CancellationToken ct)
    {
        email.Attempts++;
        using var activity = Telemetry.ClusterpactTelemetry.Source.StartActivity("email send");
        activity?.SetTag("clusterpact.email.id", email.Id.ToString());
        activity?.SetTag("clusterpact.email.category", email.Category);
        activity?.SetTag("clusterpact.email.attempt", email.Attempts);
        try
        {
            await transport.SendAsync(email, ct);
            email.SentAt = clock.GetUtcNow();
            email.LastError = null;
            Telemetry.ClusterpactTelemetry.EmailsTried.Add(1, new KeyValuePair<string, object?>("category", email.Category), new KeyValuePair<string, object?>("outcome", "sent"));
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            email.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            log.LogWarning(ex, "E-mail {Id} to {To} failed (attempt {Attempt})", email.Id, email.To, email.Attempts);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            Telemetry.ClusterpactTelemetry.EmailsTried.Add(1, new KeyValuePair<string, object?>("category", email.Category), new KeyValuePair<string, object?>("outcome", "failed"));
            return false;
        }
    }
}

/// <summary>
/// One dispatch run: the outbox's e-mails, then the webhook deliveries, claimed the same way (Clients/WebhookDispatcher).
/// Never on two nodes at once (the cluster's first line; each row's claim is the proof). A run that misfired (every node
/// was busy or down) is skipped: the next one sends everything that is due.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher, Clients.WebhookDispatcher webhooks, ILogger<OutboxDispatchJob> log) : IJob
{
    public static readonly JobKey Key = new("outbox-dispatch", Jobs.Scheduling.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await dispatcher.DispatchOnceAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "E-mail dispatch failed");
        }
        try
        {
            await webhooks.DispatchOnceAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Webhook dispatch failed");
        }
    }
}

public static class EmailServices
{
    public static IServiceCollection AddClusterpactEmail(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<EmailOutbox>();
        if (!string.IsNullOrWhiteSpace(config["Email:Smtp:Host"])) services.AddScoped<IEmailTransport, SmtpEmailTransport>();
        else services.AddScoped<IEmailTransport, FolderEmailTransport>();
        services.AddSingleton<OutboxDispatcher>();
        // Tests send the outbox themselves (Email:DispatchInBackground=false).
        if (config.GetValue("Email:DispatchInBackground", true))
        {
            var every = TimeSpan.FromSeconds(config.GetValue("Email:DispatchIntervalSeconds", 10));
            services.ConfigureAllQuartzSchedulers(q => q.ScheduleJob<OutboxDispatchJob>(
                t => t.WithIdentity("outbox-dispatch", Jobs.Scheduling.Group).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                j => j.WithIdentity(OutboxDispatchJob.Key)));
        }
        return services;
    }
}
