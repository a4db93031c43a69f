namespace Clusterpact.Web.Features.Projects;

/// <summary>The visible projects as the figures (page and API) count them.</summary>
public sealed class GetProjectFacts(ClusterpactDbContext db, Scope scope) : IUseCase
{
    /// <summary>The project as the figures see it.</summary>
    public static ProjectFacts Facts(Project p, IReadOnlyDictionary<Guid, PartnerFacts> organisations) =>
        new(p.Id, p.Type, p.Status, p.Theme, p.Start, p.ClusterIds, p.Partners.Select(x => organisations[x.OrganisationId]).ToList(),
            p.TotalBudget, p.Aid, p.ExtraTurnover, p.ExtraFte, p.ExtraInvestments);

    /// <summary>
    /// Every visible project with its partners' kind and size, for the figures; a partner outside the viewer's clusters
    /// counts without them (as on the project page), so no figure can be differenced to it.
    /// </summary>
    public async Task<IReadOnlyList<ProjectFacts>> HandleAsync(CancellationToken ct)
    {
        var list = await scope.Projects().AsNoTracking().ToListAsync(ct);
        var orgIds = list.SelectMany(p => p.Partners.Select(x => x.OrganisationId)).Distinct().ToList();
        var orgs = new Dictionary<Guid, PartnerFacts>();
        foreach (var chunk in orgIds.Chunk(1000))
        {
            var known = (await scope.Organisations().Where(o => chunk.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
            var part = await db.Organisations.AsNoTracking().Where(o => chunk.Contains(o.Id)).Select(o => new PartnerFacts(o.Id, o.Kind, o.SizeClass)).ToListAsync(ct);
            foreach (var f in part) orgs[f.OrganisationId] = known.Contains(f.OrganisationId) ? f : f.RegisterOnly();
        }
        return list.Select(p => Facts(p, orgs)).ToList();
    }
}
