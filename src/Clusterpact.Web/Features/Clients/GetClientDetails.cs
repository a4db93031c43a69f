using Clusterpact.Domain.Integrations;

namespace Clusterpact.Web.Features.Clients;

public sealed record TokenRow(Guid Id, string Hint, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, CredentialState State);
public sealed record WebhookRow(Guid Id, string Url, string Events, DateTimeOffset CreatedAt);
public sealed record DeliveryRow(Guid Id, string Url, string Event, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt, DateTimeOffset NextAttemptAt);

/// <param name="Deliveries">The newest <see cref="GetClientDetails.LogSize"/> webhook deliveries, newest first.</param>
public sealed record ClientDetails(ClientListItem Client, IReadOnlyList<TokenRow> Tokens, IReadOnlyList<WebhookRow> Webhooks, IReadOnlyList<DeliveryRow> Deliveries);

/// <summary>
/// One machine client as its page shows it: the client (only among those the person keeps, else null), its personal
/// access tokens with their state today, its webhooks and their delivery log.
/// </summary>
public sealed class GetClientDetails(MachineClientService clients, ClusterpactDbContext db, TimeProvider clock) : IUseCase
{
    public const int LogSize = 50;

    public async Task<ClientDetails?> HandleAsync(Guid id, CancellationToken ct)
    {
        var client = await clients.List().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null) return null;
        var now = clock.GetUtcNow();
        var tokens = (await db.ClientTokens.AsNoTracking().Where(t => t.MachineClientId == id && t.Kind == ClientTokenKind.PersonalAccess)
                .OrderByDescending(t => t.CreatedAt).Select(t => new { t.Id, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt }).ToListAsync(ct))
            .Select(t => new TokenRow(t.Id, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, ApiCredential.StateAt(now, t.ExpiresAt, t.RevokedAt ?? client.RevokedAt))).ToList();
        var webhooks = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.MachineClientId == id && s.RemovedAt == null).OrderBy(s => s.CreatedAt)
            .Select(s => new WebhookRow(s.Id, s.Url, s.Events, s.CreatedAt)).ToListAsync(ct);
        var deliveries = await db.WebhookDeliveries.AsNoTracking()
            .Join(db.WebhookSubscriptions.AsNoTracking().Where(s => s.MachineClientId == id), d => d.SubscriptionId, s => s.Id, (d, s) => new { d, s.Url })
            .OrderByDescending(x => x.d.CreatedAt).Take(LogSize)
            .Select(x => new DeliveryRow(x.d.Id, x.Url, x.d.Event, x.d.CreatedAt, x.d.Attempts, x.d.LastAttemptAt, x.d.LastStatusCode, x.d.LastError, x.d.DeliveredAt, x.d.NextAttemptAt))
            .ToListAsync(ct);
        return new ClientDetails(client, tokens, webhooks, deliveries);
    }
}
