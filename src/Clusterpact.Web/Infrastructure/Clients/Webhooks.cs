namespace Clusterpact.Web.Infrastructure.Clients;

/// <summary>
/// A machine client's wish to hear of events: an https address and the events (their wire names, separated by spaces).
/// The signing secret is kept encrypted with the data-protection keys (it must be read to sign) and shown once.
/// </summary>
public sealed class WebhookSubscription : IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public long Version { get; set; }
    public Guid MachineClientId { get; set; }
    public string Url { get; set; } = "";
    public string Events { get; set; } = "";
    public string ProtectedSecret { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Removed subscriptions are kept (without new deliveries) so their delivery log stays readable.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>
/// One event for one subscription, written in the same save as the step that raised it and sent by the outbox
/// dispatcher; retried with back-off until it is answered 2xx or given up. Its id is the delivery id the receiver
/// de-duplicates on: a retry sends the same id and the same body.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SubscriptionId { get; set; }
    public string Event { get; set; } = "";
    public string Payload { get; set; } = "";

    /// <summary>Unique: the same step of the same record is delivered to a subscription once.</summary>
    public string DedupKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
