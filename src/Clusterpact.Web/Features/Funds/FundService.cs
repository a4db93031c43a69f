using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Funds;

public sealed record EnvelopeRow(Guid Id, long Version, EnvelopeKind Kind, Guid? ClusterId, string? ClusterName, int Year, decimal Amount, decimal Committed, decimal Paid, string? Note)
{
    public decimal Remaining => Amount - Committed;

    /// <summary>Committed share of the envelope, 0..1, for the usage bar.</summary>
    public decimal Used => Amount == 0 ? 0 : Math.Min(1, Committed / Amount);
}

public sealed record EnvelopeUse(Guid ProjectId, string Title, ProjectStatus Status, DateOnly CommittedOn, decimal Committed, decimal Paid);

public sealed record OpenEnvelopeCommand(EnvelopeKind Kind, Guid? ClusterId, int Year, decimal Amount, string? Note);

/// <summary>
/// The earmarked envelopes per spearhead cluster and year and the programme's intercluster pool: agency staff open
/// and resize them; everybody who sees a cluster sees its envelope's use (the pool: agency staff and readers).
/// </summary>
public sealed class FundService(ClusterpactDbContext db, Scope scope, Permissions permissions)
{
    /// <summary>Agency staff open and resize envelopes.</summary>
    public Task<bool> CanManageAsync() => permissions.HasAsync(Policies.AgencyStaff);

    private IQueryable<FundEnvelope> Visible() => scope.Envelopes();

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct) =>
        await Visible().Select(e => e.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);

    public async Task<IReadOnlyList<EnvelopeRow>> ListAsync(int? year, Guid? clusterId, CancellationToken ct)
    {
        var query = Visible().AsNoTracking();
        if (year is { } y) query = query.Where(e => e.Year == y);
        if (clusterId is { } c) query = query.Where(e => e.ClusterId == c);
        var envelopes = await query.ToListAsync(ct);
        var names = await db.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return envelopes.Select(e => Row(e, names))
            .OrderByDescending(r => r.Year).ThenBy(r => r.Kind).ThenBy(r => r.ClusterName).ToList();
    }

    public async Task<(EnvelopeRow Envelope, IReadOnlyList<EnvelopeUse> Uses)?> GetAsync(Guid id, CancellationToken ct)
    {
        var e = await Visible().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var names = await db.Clusters.AsNoTracking().Where(c => c.Id == e.ClusterId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var ids = e.Commitments.Select(c => c.ProjectId).ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title, p.Status }).ToDictionaryAsync(p => p.Id, ct);
        var uses = e.Commitments.Select(c => new EnvelopeUse(c.ProjectId, projects[c.ProjectId].Title, projects[c.ProjectId].Status, c.CommittedOn, c.Committed, c.Paid))
            .OrderBy(u => u.CommittedOn).ThenBy(u => u.Title).ToList();
        return (Row(e, names), uses);
    }

    public async Task<(CommandOutcome Outcome, Guid? Id)> OpenAsync(OpenEnvelopeCommand cmd, CancellationToken ct)
    {
        if (!await CanManageAsync()) return (CommandOutcome.Forbidden, null);
        if (cmd.ClusterId is { } cid)
        {
            var type = await db.Clusters.Where(c => c.Id == cid).Select(c => (Domain.Clusters.ClusterType?)c.Type).SingleOrDefaultAsync(ct);
            if (type is null) return (CommandOutcome.Invalid("ClusterId", "Envelope.ClusterRequired"), null);
            // Earmarked funds are a spearhead-cluster privilege (DOMAIN: "extra: privileged access to project funds").
            if (type != Domain.Clusters.ClusterType.SpearheadCluster) return (CommandOutcome.Invalid("ClusterId", "Envelope.OnlySpearheadClusters"), null);
        }
        var opened = FundEnvelope.Open(cmd.Kind, cmd.Kind == EnvelopeKind.InterclusterPool ? null : cmd.ClusterId, cmd.Year, cmd.Amount, cmd.Note);
        if (!opened.IsSuccess)
            return (CommandOutcome.Invalid(opened.Error!, opened.Error!.Code == "Envelope.AmountPositive" ? "Amount" : opened.Error!.Code == "Envelope.YearRange" ? "Year" : "ClusterId"), null);
        var exists = await db.FundEnvelopes.AnyAsync(e => e.Kind == cmd.Kind && e.Year == cmd.Year && e.ClusterId == opened.Value!.ClusterId, ct);
        if (exists) return (CommandOutcome.Invalid("Year", "Envelope.Exists"), null);
        db.FundEnvelopes.Add(opened.Value!);
        await db.SaveChangesAsync(ct);
        return (CommandOutcome.Ok(opened.Value!.Version), opened.Value.Id);
    }

    public async Task<CommandOutcome> ResizeAsync(Guid id, long version, decimal amount, string? note, CancellationToken ct)
    {
        if (!await CanManageAsync()) return await Visible().AnyAsync(e => e.Id == id, ct) ? CommandOutcome.Forbidden : CommandOutcome.NotFound;
        var envelope = await db.FundEnvelopes.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (envelope is null) return CommandOutcome.NotFound;
        if (envelope.Version != version) return CommandOutcome.Conflict;
        var result = envelope.Resize(amount, note);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, "Amount");
        return await db.SaveVersionedAsync(envelope, version, ct);
    }

    private static EnvelopeRow Row(FundEnvelope e, IReadOnlyDictionary<Guid, string> names) =>
        new(e.Id, e.Version, e.Kind, e.ClusterId, e.ClusterId is { } c ? names.GetValueOrDefault(c) : null, e.Year, e.Amount, e.Committed, e.Paid, e.Note);
}
