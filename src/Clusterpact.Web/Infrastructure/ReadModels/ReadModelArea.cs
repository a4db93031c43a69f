namespace Clusterpact.Web.Infrastructure.ReadModels;

/// <summary>
/// A part of the data a kept answer depends on (docs/decisions/0020-read-models.md): one per domain namespace, so a
/// business record's area is where its rules live, plus the official register. Each has one row of
/// <c>read_model_versions</c>, given a new stamp by every write that changes a record of it.
/// </summary>
public enum ReadModelArea
{
    Agreements, Budget, Calls, Clusters, Common, EnterpriseRegister, Evaluations, Funding, Integrations, Kpis, Members, OpenData, Pacts,
    Projects, Reporting, Reports, Surveys,
}

/// <summary>A data area's change stamp: a fresh random number at each committed change of the area.</summary>
public sealed class ReadModelVersion
{
    public ReadModelArea Area { get; set; }

    public long Version { get; set; }
}

/// <summary>Which area a record belongs to: the one table that decides it, for the change tracker and the set-based writes alike.</summary>
public static class ReadModelAreas
{
    private const string DomainPrefix = "Clusterpact.Domain.";

    /// <summary>Records outside the domain's namespaces that kept answers read.</summary>
    private static readonly Dictionary<Type, ReadModelArea> Outside = new()
    {
        [typeof(Data.Configurations.FundingRuleRow)] = ReadModelArea.Agreements,
        [typeof(Data.RegisterEnterprise)] = ReadModelArea.EnterpriseRegister,
        [typeof(Data.RegisterCode)] = ReadModelArea.EnterpriseRegister,
    };

    /// <summary>
    /// The area of a record type, or null for what no kept answer reads (accounts, audit, jobs, outbox, sessions).
    /// A domain record in a namespace without an area is a bug, so it throws rather than be missed.
    /// </summary>
    public static ReadModelArea? Of(Type type)
    {
        if (Outside.TryGetValue(type, out var area)) return area;
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(DomainPrefix, StringComparison.Ordinal)) return null;
        var name = ns[DomainPrefix.Length..].Split('.')[0];
        return Enum.TryParse<ReadModelArea>(name, out var found)
            ? found
            : throw new InvalidOperationException($"{type.FullName}: the domain namespace {name} has no ReadModelArea.");
    }

    /// <summary>The areas of the tables a set-based write names (table names as the model maps them).</summary>
    public static IReadOnlySet<ReadModelArea> OfTables(Microsoft.EntityFrameworkCore.Metadata.IModel model, IEnumerable<string> tables)
    {
        var names = tables.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return model.GetEntityTypes().Where(e => e.GetTableName() is { } t && names.Contains(t))
            .Select(e => Of(e.ClrType)).OfType<ReadModelArea>().ToHashSet();
    }
}
