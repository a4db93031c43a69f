using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clusterpact.Web.Infrastructure.Audit;

/// <summary>
/// The one place that writes the audit trail: for every business record (<see cref="IAuditable"/>), user,
/// role assignment and cluster scope that a save changes, one row per changed field with the old and new value;
/// one that it adds or deletes, one row with all its values. It also raises the version of every changed business record, so that a stale edit fails.
/// </summary>
public sealed class AuditInterceptor(IServiceProvider services, TimeProvider clock) : SaveChangesInterceptor
{
    // Secrets and bookkeeping that must never be copied into the trail.
    private static readonly HashSet<string> IgnoredFields = new(StringComparer.Ordinal)
    {
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName), nameof(AppUser.AccessFailedCount),
        nameof(IAuditable.Version),
        // A machine client's secret hash and a webhook's encrypted secret (Clients/).
        nameof(Clients.MachineClient.SecretHash), nameof(Clients.WebhookSubscription.ProtectedSecret),
        // The moment a fact was recorded is the audit row's own time.
        nameof(IRecordedFact.RecordedAt),
    };

    /// <summary>The field name of a created or deleted record's single row, whose value is all its fields as JSON.</summary>
    public const string AllFields = "*";

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Set while demo data is loaded: seeding is not a change by a person.</summary>
    public static readonly AsyncLocal<bool> Suppressed = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ClusterpactDbContext db) Record(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ClusterpactDbContext db) Record(db);
        return ValueTask.FromResult(result);
    }

    private void Record(ClusterpactDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Entity))
            .ToList();
        foreach (var e in entries)
        {
            if (e.Entity is IAuditable && e.State == EntityState.Modified)
                e.Property(nameof(IAuditable.Version)).CurrentValue = (long)e.Property(nameof(IAuditable.Version)).OriginalValue! + 1;
        }
        if (Suppressed.Value) return;
        var now = clock.GetUtcNow();
        RecordedFacts.Stamp(db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList(), now);
        if (entries.Count == 0) return;

        var user = services.GetService<CurrentUser>();
        var changeSet = Guid.CreateVersion7();
        foreach (var e in entries)
        {
            var action = e.State switch { EntityState.Added => AuditAction.Created, EntityState.Deleted => AuditAction.Deleted, _ => AuditAction.Updated };
            var entry = new AuditEntry
            {
                At = now, UserId = user?.Id, UserName = user?.Name ?? "system", EntityType = e.Metadata.ClrType.Name,
                EntityId = KeyOf(e), Action = action, ChangeSetId = changeSet,
            };
            if (action != AuditAction.Updated)
            {
                // A record that appears or disappears is one row holding all its values: there is no "from" or "to" per field.
                var values = e.Properties.Where(p => !IgnoredFields.Contains(p.Metadata.Name))
                    .Select(p => (p.Metadata.Name, Value: Format(action == AuditAction.Created ? p.CurrentValue : p.OriginalValue)))
                    .Where(v => v.Value is not null)
                    .ToDictionary(v => v.Name, v => v.Value);
                var json = JsonSerializer.Serialize(values, JsonOptions);
                entry.Field = AllFields;
                if (action == AuditAction.Created) entry.NewValue = json; else entry.OldValue = json;
                db.AuditEntries.Add(entry);
                continue;
            }
            foreach (var p in e.Properties)
            {
                if (IgnoredFields.Contains(p.Metadata.Name) || p.Metadata.IsPrimaryKey()) continue;
                var oldValue = Format(p.OriginalValue);
                var newValue = Format(p.CurrentValue);
                if (!p.IsModified || oldValue == newValue) continue;
                db.AuditEntries.Add(new AuditEntry
                {
                    At = entry.At, UserId = entry.UserId, UserName = entry.UserName, EntityType = entry.EntityType, EntityId = entry.EntityId,
                    Action = action, Field = p.Metadata.Name, OldValue = oldValue, NewValue = newValue, ChangeSetId = changeSet,
                });
            }
        }
    }

    /// <summary>
    /// Survey invitations and responses are deliberately not in the trail: an audit row's time next to a response's
    /// would tie an anonymous answer to the invitee (docs/decisions/0005-anonymous-surveys.md).
    /// </summary>
    private static bool IsAudited(object entity) =>
        entity is IAuditable or Domain.Members.OrganisationFigures or Domain.Agreements.AgreementTerm or Domain.Agreements.AgreementAmendment or Domain.Agreements.CofinancingPaymentRecord or Domain.Projects.ProjectPartner or Domain.Projects.ProjectCluster or Domain.Projects.FundCommitment
        or Domain.Evaluations.StageDate or Domain.Evaluations.EvaluationParticipant or Domain.Evaluations.EvaluationEvidence or Domain.Evaluations.Recommendation
        or Domain.Surveys.SurveyQuestion or Domain.Kpis.TargetChange or Domain.Pacts.PactVersion or Domain.Pacts.PactCommitment
        or Domain.Calls.CallCriterion or Domain.Calls.RequiredDocument or Domain.Calls.ConsortiumMember or Domain.Calls.YearPlan or Domain.Calls.Attachment
        or Domain.Calls.ApplicationTransition or Domain.Calls.ConflictFlag or Domain.Calls.Score or Domain.Calls.ConsensusScore
        or Domain.Budget.SavedClusterLine or Domain.Budget.SavedProgrammeLine
        or Domain.Reports.ReportedValue or Domain.Reports.CommitmentReport or Domain.Reports.ReportStep or Data.Configurations.FundingRuleRow or AppUser or UserClusterScope or IdentityUserRole<Guid>;

    private static string KeyOf(EntityEntry e) =>
        string.Join("/", e.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(e.Property(p.Name).CurrentValue)));

    private static string? Format(object? value)
    {
        var text = value switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset dto => dto.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return text is { Length: > 2000 } ? text[..2000] : text;
    }
}
