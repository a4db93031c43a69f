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
                var json = AllValuesJson(values);
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
    private static bool IsAudited(object entity) => IsAuditedType(entity.GetType());

    /// <summary>The records whose changes the trail keeps: every business record, and these parts and accounts.</summary>
    public static bool IsAuditedType(Type type) => typeof(IAuditable).IsAssignableFrom(type) || AlsoAudited.Contains(type);

    private static readonly HashSet<Type> AlsoAudited =
    [
        typeof(Domain.Members.OrganisationFigures), typeof(Domain.Agreements.AgreementTerm), typeof(Domain.Agreements.AgreementAmendment),
        typeof(Domain.Agreements.CofinancingPaymentRecord), typeof(Domain.Projects.ProjectPartner), typeof(Domain.Projects.ProjectCluster),
        typeof(Domain.Projects.FundCommitment), typeof(Domain.Evaluations.StageDate), typeof(Domain.Evaluations.EvaluationParticipant),
        typeof(Domain.Evaluations.EvaluationEvidence), typeof(Domain.Evaluations.Recommendation), typeof(Domain.Surveys.SurveyQuestion),
        typeof(Domain.Kpis.TargetChange), typeof(Domain.Pacts.PactVersion), typeof(Domain.Pacts.PactCommitment),
        typeof(Domain.Calls.CallCriterion), typeof(Domain.Calls.RequiredDocument), typeof(Domain.Calls.ConsortiumMember),
        typeof(Domain.Calls.YearPlan), typeof(Domain.Calls.Attachment), typeof(Domain.Calls.ApplicationTransition),
        typeof(Domain.Calls.ConflictFlag), typeof(Domain.Calls.Score), typeof(Domain.Calls.ConsensusScore),
        typeof(Domain.Budget.SavedClusterLine), typeof(Domain.Budget.SavedProgrammeLine),
        typeof(Domain.Reports.ReportedValue), typeof(Domain.Reports.CommitmentReport), typeof(Domain.Reports.ReportStep),
        typeof(Data.Configurations.FundingRuleRow), typeof(AppUser), typeof(UserClusterScope), typeof(IdentityUserRole<Guid>),
    ];

    /// <summary>The fields the trail never holds (secrets, bookkeeping).</summary>
    public static bool IsIgnoredField(string name) => IgnoredFields.Contains(name);

    private static string KeyOf(EntityEntry e) =>
        string.Join("/", e.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(e.Property(p.Name).CurrentValue)));

    /// <summary>The value of a created or deleted record's single row: its fields as JSON.</summary>
    public static string AllValuesJson(IReadOnlyDictionary<string, string?> values) => JsonSerializer.Serialize(values, JsonOptions);

    /// <summary>The longest value the trail keeps (longer ones are cut).</summary>
    public const int MaxValueLength = 2000;

    /// <summary>A value as the trail writes it (also for the rows an import writes set-based).</summary>
    public static string? Format(object? value)
    {
        var text = value switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset dto => dto.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            // A list field reads back as a list, not as the name of its .NET type.
            System.Collections.IEnumerable list and not string => JsonSerializer.Serialize(list.Cast<object?>().Select(Format), JsonOptions),
            _ => value.ToString(),
        };
        return text is { Length: > MaxValueLength } ? text[..MaxValueLength] : text;
    }
}
