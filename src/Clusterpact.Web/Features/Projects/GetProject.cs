using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Projects;

/// <summary>
/// A partner as the project page shows it. A partner outside the viewer's clusters shows only what the public register
/// (KBO) would: its enterprise number and official name (<see cref="RegisterOnly"/>, no kind, no size class, no link).
/// </summary>
public sealed record PartnerView(Guid OrganisationId, string Name, string? EnterpriseNumber, OrganisationKind? Kind, SizeClass? Size, PartnerRole Role, decimal BudgetShare,
    bool RegisterOnly);

public sealed record CommitmentView(Guid EnvelopeId, EnvelopeKind Kind, string? ClusterName, int Year, decimal Committed, decimal Paid);

public sealed record ProjectView(Project Project, IReadOnlyList<(Guid Id, string Name)> Clusters, IReadOnlyList<PartnerView> Partners, IReadOnlyList<CommitmentView> Commitments,
    int Companies, bool HasThreeCompanies, int Smes, int NotCountedByKind, bool CanEdit, bool IsAgency);

/// <summary>A project as its page shows it: clusters, partners as the viewer may see them, commitments, counts and what the viewer may do.</summary>
public sealed class GetProject(ClusterpactDbContext db, Scope scope, ProjectAccess access) : IUseCase
{
    public async Task<ProjectView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var project = await scope.Projects().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return null;
        var clusterIds = project.ClusterIds;
        var clusters = await db.Clusters.AsNoTracking().Where(c => clusterIds.Contains(c.Id)).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var orgIds = project.Partners.Select(p => p.OrganisationId).ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        // Membership, kind and size of an organisation are its clusters' business; others see the public register's facts.
        var known = (await scope.Organisations().Where(o => orgIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var partners = project.Partners.Select(p => orgs[p.OrganisationId] is var o
                ? known.Contains(o.Id)
                    ? new PartnerView(o.Id, o.Name, o.EnterpriseNumber, o.Kind, o.SizeClass, p.Role, p.BudgetShare, false)
                    : new PartnerView(o.Id, o.Name, o.EnterpriseNumber, null, null, p.Role, p.BudgetShare, true)
                : null!)
            .OrderBy(p => p.Role).ThenBy(p => p.Name).ToList();
        var envelopes = await db.FundEnvelopes.AsNoTracking().Where(e => e.Commitments.Any(c => c.ProjectId == id)).ToListAsync(ct);
        var envelopeClusterNames = await db.ClusterNamesAsync(envelopes.Select(e => e.ClusterId).OfType<Guid>(), ct);
        var commitments = envelopes.Select(e => e.Commitments.Single(c => c.ProjectId == id) is var c
            ? new CommitmentView(e.Id, e.Kind, e.ClusterId is { } cid ? envelopeClusterNames.GetValueOrDefault(cid) : null, e.Year, c.Committed, c.Paid) : null!).ToList();
        // The counts by kind and size class leave out what the partner table hides, so they cannot be subtracted to find it.
        var facts = GetProjectFacts.Facts(project, orgs.Values.ToDictionary(o => o.Id, o => new PartnerFacts(o.Id, o.Kind, o.SizeClass))).SeenBy(known.Contains);
        return new ProjectView(project, clusters.Select(c => (c.Id, c.Name)).ToList(), partners, commitments, facts.Companies, facts.HasThreeCompanies,
            facts.SmeCompanies.Count(), facts.RegisterOnlyPartners, await access.CanEditAsync(project), await access.IsAgencyAsync());
    }
}
