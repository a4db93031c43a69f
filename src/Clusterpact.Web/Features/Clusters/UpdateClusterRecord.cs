namespace Clusterpact.Web.Features.Clusters;

public sealed record UpdateClusterRecordCommand(Guid ClusterId, long Version, string Name, string StrategicDomain, string? EnterpriseNumber,
    ClusterStatus Status, DateOnly? SupportStart, DateOnly? SupportEnd);

/// <summary>
/// Agency staff keep the cluster organisation's own record: name, domain, legal entity and status over time (each
/// change is in the audit trail, which is the status history). Cluster managers only keep the contact details.
/// </summary>
public sealed class UpdateClusterRecord(ClusterpactDbContext db, ClusterAccess access, Permissions permissions) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(UpdateClusterRecordCommand cmd, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(cmd.ClusterId, ct)) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var cluster = await db.Clusters.SingleAsync(c => c.Id == cmd.ClusterId, ct);
        if (cluster.Version != cmd.Version) return CommandOutcome.Conflict;
        db.Entry(cluster).Property(c => c.Version).OriginalValue = cmd.Version;
        string? number = null;
        if (!string.IsNullOrWhiteSpace(cmd.EnterpriseNumber))
        {
            var parsed = EnterpriseNumber.Parse(cmd.EnterpriseNumber);
            if (!parsed.IsSuccess) return CommandOutcome.Invalid(nameof(cmd.EnterpriseNumber), parsed.Error!.Code);
            number = parsed.Value.Digits;
        }
        var renamed = cluster.Rename(cmd.Name, cmd.StrategicDomain);
        if (!renamed.IsSuccess) return CommandOutcome.Invalid(renamed.Error!, renamed.Error!.Code == "Cluster.DomainRequired" ? nameof(cmd.StrategicDomain) : nameof(cmd.Name));
        var support = cluster.SetSupport(cmd.Status, cmd.SupportStart, cmd.SupportEnd);
        if (!support.IsSuccess) return CommandOutcome.Invalid(support.Error!, support.Error!.Code == "Cluster.EndBeforeStart" ? nameof(cmd.SupportEnd) : nameof(cmd.SupportStart));
        cluster.SetEnterpriseNumber(number);
        if (await db.Clusters.AnyAsync(c => c.Id != cluster.Id && c.Name == cluster.Name, ct)) return CommandOutcome.Invalid(nameof(cmd.Name), "Cluster.NameTaken");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CommandOutcome.Conflict; }
        return CommandOutcome.Ok(cluster.Version);
    }
}
