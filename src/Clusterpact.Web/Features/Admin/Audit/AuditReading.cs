using System.Text.Json;
using Clusterpact.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clusterpact.Web.Features.Admin.Audit;

/// <summary>One value of a created or deleted record, in words: the field's name and what it held.</summary>
public sealed record AuditValue(string Field, string Value);

/// <summary>An audit row as a person reads it: the record by kind and name, the field by its name, values as the pages show them.</summary>
public sealed record AuditLine(
    Guid Id, DateTimeOffset At, string UserName, string EntityType, string RecordKind, string? RecordName, string EntityId, AuditAction Action,
    string Field, string? FieldLabel, string? OldValue, string? NewValue, IReadOnlyList<AuditValue> Values);

/// <summary>
/// Puts the stored trail (type and field names of the code, invariant values, ids) into the words of the pages: the kind of
/// record and each field translated (<c>AuditRecord.*</c>, <c>AuditField.*</c>), a record and every reference to one shown by
/// its name, dates, amounts, yes/no and statuses as everywhere else, and a created or deleted record as a list of its fields.
/// The model tells which field refers to which record, so a new reference needs no code here; a new kind of record with a
/// name of its own is one line in <see cref="Names"/>.
/// </summary>
public sealed class AuditReading(ClusterpactDbContext db, IStringLocalizer<SharedResource> text)
{
    private delegate Task<Dictionary<Guid, string>> NameLookup(ClusterpactDbContext db, List<Guid> ids, bool english, CancellationToken ct);

    /// <summary>The records people know by a name (or by their cluster and year); others are shown by their kind.</summary>
    private static readonly Dictionary<Type, NameLookup> Names = new()
    {
        [typeof(Cluster)] = (db, ids, _, ct) => db.Clusters.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct),
        [typeof(Organisation)] = (db, ids, _, ct) => db.Organisations.Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct),
        [typeof(Domain.Projects.Project)] = (db, ids, _, ct) => db.Projects.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, ct),
        [typeof(Domain.Calls.Call)] = (db, ids, english, ct) => db.Calls.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, Title = english ? c.TitleEn : c.TitleNl }).ToDictionaryAsync(c => c.Id, c => c.Title, ct),
        [typeof(Domain.Calls.Application)] = (db, ids, _, ct) => db.Applications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Reference, ct),
        [typeof(Domain.Surveys.Survey)] = (db, ids, _, ct) => db.Surveys.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct),
        [typeof(AppUser)] = (db, ids, _, ct) => db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct),
        // A role by its stored name; DescribeAsync puts it in words ("Role.*") as the user pages do.
        [typeof(AppRole)] = (db, ids, _, ct) => db.Roles.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name ?? "", ct),
        [typeof(Domain.Agreements.SupportAgreement)] = (db, ids, _, ct) =>
            (from a in db.SupportAgreements where ids.Contains(a.Id) join c in db.Clusters on a.ClusterId equals c.Id select new { a.Id, c.Name })
                .ToDictionaryAsync(x => x.Id, x => x.Name, ct),
        [typeof(Domain.Reports.AnnualReport)] = (db, ids, _, ct) =>
            (from r in db.AnnualReports where ids.Contains(r.Id) join c in db.Clusters on r.ClusterId equals c.Id select new { r.Id, c.Name, r.Year })
                .ToDictionaryAsync(x => x.Id, x => x.Name + " " + x.Year, ct),
        [typeof(Domain.Pacts.ClusterPact)] = (db, ids, _, ct) =>
            (from p in db.ClusterPacts where ids.Contains(p.Id) join c in db.Clusters on p.ClusterId equals c.Id select new { p.Id, c.Name })
                .ToDictionaryAsync(x => x.Id, x => x.Name, ct),
        [typeof(Domain.Kpis.KpiTarget)] = (db, ids, _, ct) =>
            (from t in db.KpiTargets where ids.Contains(t.Id) join c in db.Clusters on t.ClusterId equals c.Id select new { t.Id, c.Name, t.Year })
                .ToDictionaryAsync(x => x.Id, x => x.Name + " " + x.Year, ct),
    };

    public async Task<IReadOnlyList<AuditLine>> DescribeAsync(IReadOnlyList<AuditRow> rows, CancellationToken ct)
    {
        var types = EntityTypesByName(db.Model);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

        // First every record the page mentions, by the kind it is, so each kind is asked for once.
        var wanted = new Dictionary<Type, HashSet<Guid>>();
        void Want(Type? type, string? id)
        {
            if (type is null || !Names.ContainsKey(type) || !Guid.TryParse(id, out var guid)) return;
            if (!wanted.TryGetValue(type, out var set)) wanted[type] = set = [];
            set.Add(guid);
        }
        foreach (var row in rows.Where(r => r.Action != AuditAction.Security))
        {
            if (!types.TryGetValue(row.EntityType, out var entity)) continue;
            Want(entity.ClrType, row.EntityId);
            if (row.Field == AuditInterceptor.AllFields)
                foreach (var (field, value) in Fields(row.NewValue ?? row.OldValue)) Want(ReferencedType(entity, field), value);
            else
            {
                Want(ReferencedType(entity, row.Field), row.OldValue);
                Want(ReferencedType(entity, row.Field), row.NewValue);
            }
        }
        var names = new Dictionary<(Type, Guid), string>();
        foreach (var (type, ids) in wanted)
            foreach (var (id, name) in await Names[type](db, [.. ids], english, ct))
                names[(type, id)] = type == typeof(AppRole) ? Words("Role." + name, name) : name;

        return rows.Select(row => Describe(row, types.GetValueOrDefault(row.EntityType), names)).ToList();
    }

    /// <summary>The kinds of record in the trail, in words, for the filter (value: the stored name).</summary>
    public IReadOnlyList<(string Value, string Label)> Kinds(IEnumerable<string> stored) =>
        stored.Select(s => (s, RecordKind(s))).OrderBy(k => k.Item2, StringComparer.CurrentCulture).ToList();

    /// <summary>
    /// The stored field names a person means by what they typed in the filter ("status", "Bedrag"): each field whose name or
    /// label in the page's language contains it. Null when nothing was typed.
    /// </summary>
    public IReadOnlyCollection<string>? FieldsMatching(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var term = typed.Trim();
        var fields = EntityTypesByName(db.Model).Values.SelectMany(t => t.GetProperties()).Select(p => p.Name)
            .Where(n => !AuditInterceptor.IsIgnoredField(n)).Distinct();
        return fields.Where(n => n.Contains(term, StringComparison.OrdinalIgnoreCase) || FieldLabel(n).Contains(term, StringComparison.CurrentCultureIgnoreCase))
            .Append(term).ToHashSet(StringComparer.Ordinal);
    }

    private AuditLine Describe(AuditRow row, IEntityType? entity, Dictionary<(Type, Guid), string> names)
    {
        string? NameOf(Type? type, string? id) =>
            type is not null && Guid.TryParse(id, out var guid) && names.TryGetValue((type, guid), out var name) ? name : null;

        var kind = RecordKind(row.EntityType);
        var recordName = entity is null ? null : NameOf(entity.ClrType, row.EntityId);
        if (row.Action == AuditAction.Security || entity is null)
            return new AuditLine(row.Id, row.At, row.UserName, row.EntityType, kind, recordName, row.EntityId, row.Action, row.Field, null, row.OldValue, row.NewValue, []);
        if (row.Field == AuditInterceptor.AllFields)
        {
            var values = Fields(row.NewValue ?? row.OldValue)
                // A record's own id says nothing to a reader; a key that is a reference (a user's cluster) does.
                .Where(f => entity.FindProperty(f.Field) is not { } p || !p.IsPrimaryKey() || p.IsForeignKey())
                .Select(f => new AuditValue(FieldLabel(f.Field), Value(entity, f.Field, f.Value, names)))
                .ToList();
            return new AuditLine(row.Id, row.At, row.UserName, row.EntityType, kind, recordName, row.EntityId, row.Action, row.Field, null, null, null, values);
        }
        return new AuditLine(row.Id, row.At, row.UserName, row.EntityType, kind, recordName, row.EntityId, row.Action, row.Field, FieldLabel(row.Field),
            row.OldValue is null ? null : Value(entity, row.Field, row.OldValue, names),
            row.NewValue is null ? null : Value(entity, row.Field, row.NewValue, names), []);
    }

    private string RecordKind(string stored) => Words("AuditRecord." + KindKey(stored), stored);

    private string FieldLabel(string field) => Words("AuditField." + field, field);

    private string Words(string key, string fallback) => text[key] is { ResourceNotFound: false } found ? found.Value : fallback;

    /// <summary>A stored value as the pages write it: a date as a date, an amount in the Belgian way, a reference by its name.</summary>
    private string Value(IEntityType entity, string field, string stored, Dictionary<(Type, Guid), string> names)
    {
        if (ReferencedType(entity, field) is { } target && Guid.TryParse(stored, out var id))
            return names.TryGetValue((target, id), out var name) ? name : Words("AuditRecord." + KindKey(target.Name), target.Name);
        var type = entity.FindProperty(field)?.ClrType is { } clr ? Nullable.GetUnderlyingType(clr) ?? clr : typeof(string);
        var invariant = CultureInfo.InvariantCulture;
        if (type == typeof(bool) && bool.TryParse(stored, out var flag)) return text[flag ? "Common.Yes" : "Common.No"];
        if (type == typeof(DateOnly) && DateOnly.TryParseExact(stored, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day)) return Infrastructure.Formatting.Format.Date(day);
        if (type == typeof(DateTimeOffset) && DateTimeOffset.TryParse(stored, invariant, DateTimeStyles.AssumeUniversal, out var instant)) return Infrastructure.Formatting.Format.DateTime(instant);
        if (type == typeof(decimal) && decimal.TryParse(stored, NumberStyles.Number, invariant, out var amount)) return amount.ToString("#,##0.##", CultureInfo.CurrentCulture);
        if ((type == typeof(int) || type == typeof(long)) && long.TryParse(stored, NumberStyles.Integer, invariant, out var whole) && !field.EndsWith("Year", StringComparison.Ordinal))
            return whole.ToString("#,##0", CultureInfo.CurrentCulture);
        // A choice whose words name something the record keeps elsewhere ("the employer ({0})") reads with an ellipsis there.
        if (type.IsEnum) return Words(EnumKey(type, stored), stored).Replace("{0}", "…", StringComparison.Ordinal);
        if (stored.StartsWith('[') && TryList(stored) is { } items) return string.Join(", ", items);
        return stored;
    }

    /// <summary>A state of a lifecycle table reads as its pages say it (<c>{Lifecycle}.State.{State}</c>); another choice as <c>{Enum}.{Value}</c>.</summary>
    public static string EnumKey(Type enumType, string value) =>
        StateKeys.TryGetValue(enumType, out var key) ? key(value) : enumType.Name + "." + value;

    private static readonly Dictionary<Type, Func<string, string>> StateKeys = new([
        StateKeysOf(Domain.Calls.ApplicationLifecycle.Rules), StateKeysOf(Domain.Calls.AssignmentLifecycle.Rules),
        StateKeysOf(Domain.Reports.ReportLifecycle.Rules), StateKeysOf(Domain.Evaluations.EvaluationLifecycle.Rules),
        StateKeysOf(Domain.Projects.Project.Lifecycle), StateKeysOf(Domain.Funding.AidPayment.Lifecycle),
    ]);

    private static KeyValuePair<Type, Func<string, string>> StateKeysOf<T>(Lifecycle<T> lifecycle) where T : struct, Enum =>
        new(typeof(T), stored => Enum.TryParse<T>(stored, out var state) ? lifecycle.StateKey(state) : stored);

    /// <summary>The record a field refers to: a foreign key in the model, or a person ("…By").</summary>
    private static Type? ReferencedType(IEntityType entity, string field)
    {
        var property = entity.FindProperty(field);
        if (property is null) return null;
        if (property.GetContainingForeignKeys().FirstOrDefault() is { } key) return key.PrincipalEntityType.ClrType;
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type == typeof(Guid) && (field.EndsWith("By", StringComparison.Ordinal) || field == "UserId") ? typeof(AppUser) : null;
    }

    private static IEnumerable<(string Field, string Value)> Fields(string? json)
    {
        if (string.IsNullOrEmpty(json)) yield break;
        Dictionary<string, string?>? values;
        try { values = JsonSerializer.Deserialize<Dictionary<string, string?>>(json); }
        catch (JsonException) { yield break; }
        foreach (var (field, value) in values ?? []) if (value is not null) yield return (field, value);
    }

    private static List<string>? TryList(string json)
    {
        try { return JsonSerializer.Deserialize<List<string>>(json); }
        catch (JsonException) { return null; }
    }

    /// <summary>Stored kind names are the class names; a generic one ("IdentityUserRole`1") without its arity.</summary>
    public static string KindKey(string stored) => stored.Split('`')[0];

    /// <summary>Every audited kind of record by the name the trail stores.</summary>
    public static Dictionary<string, IEntityType> EntityTypesByName(IModel model) =>
        model.GetEntityTypes().Where(t => AuditInterceptor.IsAuditedType(t.ClrType))
            .GroupBy(t => t.ClrType.Name).ToDictionary(g => g.Key, g => g.First());
}
