using System.Text.Json;
using Clusterpact.Domain.Integrations;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Clusterpact.Web.Infrastructure.Clients;

/// <summary>A lifecycle step found in a save by <see cref="StepMail"/>: its table, step, record and version before the save.</summary>
public sealed record SavedStep(string Lifecycle, string Step, object Entity, Guid Id, long Version);

/// <summary>
/// Raises webhook events from the steps <see cref="StepMail"/> finds in a save (and from changes to agreements), and
/// queues one delivery per subscription that wants the event, in the same save: a delivery exists only if the step was
/// stored. A subscription hears an event when its client may read the event's area and, for a manager's client, when
/// the event is about that client's cluster.
/// </summary>
public sealed class WebhookOutbox(TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Raised(WebhookEvent Event, string Key, Guid? ClusterId, object Data);

    /// <summary>The agreements a save changes: the agreement itself, or one of its terms or amendments (owned rows).</summary>
    public static Guid? ChangedAgreement(EntityEntry e)
    {
        if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) return null;
        if (e.Entity is SupportAgreement a) return e.State == EntityState.Modified ? a.Id : null;
        var ownership = e.Metadata.FindOwnership();
        if (ownership?.PrincipalEntityType.ClrType != typeof(SupportAgreement)) return null;
        return e.Property(ownership.Properties[0].Name).CurrentValue as Guid?;
    }

    public async Task RaiseAsync(ClusterpactDbContext db, IReadOnlyList<SavedStep> steps, IReadOnlyCollection<Guid> agreements, CancellationToken ct)
    {
        var raised = new List<Raised>();
        foreach (var s in steps)
        {
            if (WebhookEvents.Of(s.Lifecycle, s.Step) is not { } ev) continue;
            raised.Add(await DescribeAsync(db, ev, s, ct));
        }
        if (agreements.Count > 0)
        {
            // One event per agreement and save: several terms changed at once are one change.
            var save = Guid.CreateVersion7();
            foreach (var id in agreements.Distinct())
            {
                var cluster = db.SupportAgreements.Local.FirstOrDefault(a => a.Id == id)?.ClusterId
                    ?? await db.SupportAgreements.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.ClusterId).SingleOrDefaultAsync(ct);
                raised.Add(new Raised(WebhookEvent.AgreementChanged, $"{id}:{save}", cluster, new { id, clusterId = cluster }));
            }
        }
        if (raised.Count == 0) return;

        var names = raised.Select(r => WebhookEvents.NameOf(r.Event)).Distinct().ToList();
        var subscribers = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.RemovedAt == null)
            .Join(db.MachineClients.AsNoTracking().Where(c => c.RevokedAt == null), s => s.MachineClientId, c => c.Id, (s, c) => new { s.Id, s.Events, c.Scopes, c.ClusterId })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var r in raised)
        {
            var name = WebhookEvents.NameOf(r.Event);
            foreach (var s in subscribers)
            {
                if (!s.Events.Split(' ').Contains(name)) continue;
                if (!(ApiScopeSet.Parse(s.Scopes).Value?.Allows(WebhookEvents.AreaOf(r.Event), ApiAccess.Read) ?? false)) continue;
                if (s.ClusterId is { } only && r.ClusterId != only) continue;
                var dedup = $"{name}:{r.Key}:{s.Id}";
                if (db.WebhookDeliveries.Local.Any(d => d.DedupKey == dedup) || await db.WebhookDeliveries.AnyAsync(d => d.DedupKey == dedup, ct)) continue;
                var delivery = new WebhookDelivery { SubscriptionId = s.Id, Event = name, DedupKey = dedup, CreatedAt = now, NextAttemptAt = now };
                delivery.Payload = JsonSerializer.Serialize(new { id = delivery.Id, @event = name, occurredAt = now, data = r.Data }, Json);
                db.WebhookDeliveries.Add(delivery);
            }
        }
    }

    private static async Task<Raised> DescribeAsync(ClusterpactDbContext db, WebhookEvent ev, SavedStep s, CancellationToken ct)
    {
        var key = $"{s.Id}:{s.Version}";
        switch (s.Entity)
        {
            case AidPayment p:
            {
                var cluster = await db.SupportAgreements.AsNoTracking().Where(a => a.Id == p.AgreementId).Select(a => (Guid?)a.ClusterId).SingleOrDefaultAsync(ct);
                return new Raised(ev, key, cluster, new { id = p.Id, agreementId = p.AgreementId, clusterId = cluster, yearIndex = p.YearIndex, amountEur = p.AmountEur, status = p.Status.ToString() });
            }
            case AnnualReport r:
                return new Raised(ev, key, r.ClusterId, new { id = r.Id, clusterId = r.ClusterId, year = r.Year, status = r.Status.ToString() });
            case Application a:
                // An application is the applicant's, not a cluster's: only the agency's clients hear of its decision.
                return new Raised(ev, key, null, new { id = a.Id, callId = a.CallId, number = a.Number, status = a.Status.ToString(), outcome = a.Outcome?.ToString() });
            default:
                throw new InvalidOperationException($"{WebhookEvents.NameOf(ev)} is raised by {s.Lifecycle}.{s.Step}, but no payload is written for it.");
        }
    }
}
