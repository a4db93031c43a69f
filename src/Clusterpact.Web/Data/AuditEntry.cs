namespace Clusterpact.Web.Data;

/// <summary>One changed field of one record: who changed it, when, from what to what.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    /// <summary>Groups the field rows written by one save.</summary>
    public Guid ChangeSetId { get; set; }
}

/// <summary>Security: a sign-in event (SecurityEvents), not a data change; its field names the event.</summary>
public enum AuditAction { Created, Updated, Deleted, Security }
