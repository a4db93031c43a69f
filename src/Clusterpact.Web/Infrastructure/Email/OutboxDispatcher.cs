namespace Clusterpact.Web.Infrastructure.Email;

/// <summary>Sends queued e-mails in the background; a failure is recorded and retried, at most 5 times.</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxDispatcher> log) : BackgroundService
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

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
            try { await Task.Delay(Interval, clock, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<IEmailTransport>();
        var due = await db.OutboxEmails.Where(e => e.SentAt == null && e.Attempts < MaxAttempts).OrderBy(e => e.CreatedAt).Take(50).ToListAsync(ct);
        var sent = 0;
        foreach (var email in due)
        {
            email.Attempts++;
            try
            {
                await transport.SendAsync(email, ct);
                email.SentAt = clock.GetUtcNow();
                email.LastError = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                email.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                log.LogWarning(ex, "E-mail {Id} to {To} failed (attempt {Attempt})", email.Id, email.To, email.Attempts);
            }
        }
        if (due.Count > 0) await db.SaveChangesAsync(ct);
        return sent;
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
