using System.Text;
using Clusterpact.Domain.Integrations;
using Clusterpact.Web.Infrastructure.Nodes;
using Microsoft.AspNetCore.DataProtection;

namespace Clusterpact.Web.Infrastructure.Clients;

/// <summary>
/// Sends the webhook deliveries that are due, in the outbox's dispatch run (<see cref="Email.OutboxDispatchJob"/>), the
/// same way it sends e-mails: on PostgreSQL each delivery is claimed with FOR UPDATE SKIP LOCKED and held until its
/// outcome is saved, so two nodes never send one delivery twice; on SQLite (one node) one dispatch runs at a time.
/// A delivery answered 2xx is done; any other answer or a failure is tried again with back-off
/// (<see cref="WebhookEvents.RetryAfter"/>) and given up after <see cref="WebhookEvents.MaxAttempts"/>.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, IDataProtectionProvider protection, TimeProvider clock,
    ILogger<WebhookDispatcher> log, IConfiguration config)
{
    public const string HttpClientName = "webhooks";
    public const string SignatureHeader = "X-Clusterpact-Signature";
    public const string TimestampHeader = "X-Clusterpact-Timestamp";
    public const string DeliveryHeader = "X-Clusterpact-Delivery";
    public const string EventHeader = "X-Clusterpact-Event";
    private const int BatchSize = 50;

    private readonly bool _postgres = DataServices.IsPostgres(config);
    // Static: SQLite means one node, and two dispatchers in it (two instances, as a test makes them) still take turns.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Tries every delivery due now once; returns how many were delivered.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        if (_postgres) return await DispatchClaimingAsync(ct);
        await OneAtATime.WaitAsync(ct);
        try { return await DispatchAllAsync(ct); }
        finally { OneAtATime.Release(); }
    }

    private async Task<int> DispatchAllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.WebhookDeliveries.Where(d => d.DeliveredAt == null && d.Attempts < WebhookEvents.MaxAttempts && d.NextAttemptAt <= now)
            .OrderBy(d => d.CreatedAt).Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var delivery in due)
        {
            if (await TrySendAsync(db, delivery, ct)) sent++;
        }
        if (due.Count > 0) await db.SaveChangesAsync(ct);
        return sent;
    }

    private async Task<int> DispatchClaimingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        return await ClaimedRows.HandleEachAsync(db, BatchSize, skip =>
        {
            var now = clock.GetUtcNow();
            return db.WebhookDeliveries.FromSql($"""
                SELECT * FROM webhook_deliveries
                WHERE "DeliveredAt" IS NULL AND "Attempts" < {WebhookEvents.MaxAttempts} AND "NextAttemptAt" <= {now} AND NOT ("Id" = ANY({skip}))
                ORDER BY "CreatedAt" LIMIT 1 FOR UPDATE SKIP LOCKED
                """);
        }, d => d.Id, d => TrySendAsync(db, d, ct), ct);
    }

    private async Task<bool> TrySendAsync(ClusterpactDbContext db, WebhookDelivery delivery, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == delivery.SubscriptionId, ct);
        var now = clock.GetUtcNow();
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        try
        {
            var body = Encoding.UTF8.GetBytes(delivery.Payload);
            var secret = protection.CreateProtector(MachineClientService.SecretPurpose).Unprotect(subscription.ProtectedSecret);
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(SignatureHeader, WebhookSignature.Sign(secret, body));
            request.Headers.Add(TimestampHeader, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
            request.Headers.Add(EventHeader, delivery.Event);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
            delivery.LastStatusCode = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                (delivery.DeliveredAt, delivery.LastError) = (clock.GetUtcNow(), null);
                return true;
            }
            delivery.LastError = $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Security.Cryptography.CryptographicException && !ct.IsCancellationRequested)
        {
            delivery.LastStatusCode = null;
            delivery.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
        }
        if (WebhookEvents.RetryAfter(delivery.Attempts) is { } wait) delivery.NextAttemptAt = now + wait;
        log.LogWarning("Webhook delivery {Id} ({Event}) failed at attempt {Attempt}: {Error}", delivery.Id, delivery.Event, delivery.Attempts, delivery.LastError);
        return false;
    }
}
