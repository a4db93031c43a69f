namespace Clusterpact.Web.Features.Funds;

public sealed record OpenEnvelopeCommand(EnvelopeKind Kind, Guid? ClusterId, int Year, decimal Amount, string? Note);

/// <summary>
/// Agency staff open an envelope: earmarked for a spearhead cluster and a year, or the year's intercluster pool; one of
/// each per year. The outcome carries the new envelope's id.
/// </summary>
public sealed class OpenEnvelope(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    /// <summary>The clusters an envelope may be earmarked for: the spearhead clusters (the funds page's cluster field chooses among them).</summary>
    public IQueryable<Domain.Clusters.Cluster> ClustersToChoose() => db.Clusters.Where(c => c.Type == Domain.Clusters.ClusterType.SpearheadCluster);

    public async Task<CommandOutcome> HandleAsync(OpenEnvelopeCommand cmd, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        if (cmd.ClusterId is { } cid)
        {
            var type = await db.Clusters.Where(c => c.Id == cid).Select(c => (Domain.Clusters.ClusterType?)c.Type).SingleOrDefaultAsync(ct);
            if (type is null) return CommandOutcome.Invalid("ClusterId", "Envelope.ClusterRequired");
            // Earmarked funds are a spearhead-cluster privilege (DOMAIN: "extra: privileged access to project funds").
            if (type != Domain.Clusters.ClusterType.SpearheadCluster) return CommandOutcome.Invalid("ClusterId", "Envelope.OnlySpearheadClusters");
        }
        var opened = FundEnvelope.Open(cmd.Kind, cmd.Kind == EnvelopeKind.InterclusterPool ? null : cmd.ClusterId, cmd.Year, cmd.Amount, cmd.Note);
        if (!opened.IsSuccess)
            return CommandOutcome.Invalid(opened.Error!, opened.Error!.Code == "Envelope.AmountPositive" ? "Amount" : opened.Error!.Code == "Envelope.YearRange" ? "Year" : "ClusterId");
        var exists = await db.FundEnvelopes.AnyAsync(e => e.Kind == cmd.Kind && e.Year == cmd.Year && e.ClusterId == opened.Value!.ClusterId, ct);
        if (exists) return CommandOutcome.Invalid("Year", "Envelope.Exists");
        db.FundEnvelopes.Add(opened.Value!);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Created(opened.Value!.Id, opened.Value.Version);
    }
}
