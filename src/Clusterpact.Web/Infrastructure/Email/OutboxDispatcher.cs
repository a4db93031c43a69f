using Clusterpact.Web.Infrastructure.Nodes;

namespace Clusterpact.Web.Infrastructure.Email;

/// <summary>
/// Sends queued e-mails in the background; a failure is recorded and retried, at most 5 times. On PostgreSQL each e-mail
/// is claimed with a row lock (FOR UPDATE SKIP LOCKED) held until it is marked sent, so two dispatchers, on one node or
/// two, never send one e-mail twice.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxDispatcher> log, IConfiguration config, Clients.WebhookDispatcher webhooks) : BackgroundService
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private const int BatchSize = 50;
    private readonly bool _postgres = DataServices.IsPostgres(config);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "E-mail dispatch failed");
            }
            // Webhook deliveries leave through the same loop, claimed the same way (Clients/WebhookDispatcher).
            try
            {
                await webhooks.DispatchOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Webhook dispatch failed");
            }
            try { await Task.Delay(Interval, clock, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }

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

public static class EmailServices
{
    public static IServiceCollection AddClusterpactEmail(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<EmailOutbox>();
        if (!string.IsNullOrWhiteSpace(config["Email:Smtp:Host"])) services.AddScoped<IEmailTransport, SmtpEmailTransport>();
        else services.AddScoped<IEmailTransport, FolderEmailTransport>();
        services.AddSingleton<OutboxDispatcher>();
        if (config.GetValue("Email:DispatchInBackground", true)) services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
