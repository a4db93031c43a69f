namespace Clusterpact.Web.Infrastructure.Email;

/// <summary>
/// An e-mail waiting to be sent or sent. Written in the same transaction as the business change that causes it,
/// and sent afterwards by <see cref="OutboxDispatcher"/>; a dedup key makes sure a reminder goes out once.
/// </summary>
public sealed class OutboxEmail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTimeOffset CreatedAt { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>What kind of message this is, e.g. "CofinancingDeposit.DueSoon".</summary>
    public string Category { get; set; } = "";

    /// <summary>Unique: the same reminder for the same thing is queued once, however often the check runs.</summary>
    public string DedupKey { get; set; } = "";

    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
