namespace Clusterpact.Web.Features.Projects;

public enum ProjectSort { Title, Type, Status, Start, End, Budget, Aid }

public sealed record ProjectListQuery(string? Search, Guid? ClusterId, ProjectType? Type, ProjectStatus? Status, StrategicTheme? Theme, int? Year, Guid? OrganisationId,
    ProjectSort Sort = ProjectSort.Start, bool Descending = true);

public sealed record ProjectListItem(Guid Id, string Title, ProjectType Type, ProjectStatus Status, StrategicTheme Theme, DateOnly Start, DateOnly End,
    decimal TotalBudget, decimal Aid, string? LeadName, IReadOnlyList<string> ClusterNames);

/// <summary>
/// A partner as the project page shows it. A partner outside the viewer's clusters shows only what the public register
/// (KBO) would: its enterprise number and official name (<see cref="RegisterOnly"/>, no kind, no size class, no link).
/// </summary>
public sealed record PartnerView(Guid OrganisationId, string Name, string? EnterpriseNumber, OrganisationKind? Kind, SizeClass? Size, PartnerRole Role, decimal BudgetShare,
    bool RegisterOnly);

public sealed record CommitmentView(Guid EnvelopeId, EnvelopeKind Kind, string? ClusterName, int Year, decimal Committed, decimal Paid);

public sealed record ProjectView(Project Project, IReadOnlyList<(Guid Id, string Name)> Clusters, IReadOnlyList<PartnerView> Partners, IReadOnlyList<CommitmentView> Commitments,
    int Companies, bool HasThreeCompanies, int Smes, int NotCountedByKind, bool CanEdit, bool IsAgency);

/// <summary>The projects the caller may see: searched, filtered, sorted and paged in SQL.</summary>
public sealed class ProjectQueries(ClusterpactDbContext db, Scope scope, ProjectAccess access)
{
    public async Task<Paged<ProjectListItem>> ListAsync(ProjectListQuery q, PageRequest page, CancellationToken ct)
    {
        var rows = await Sort(Filter(q), q).ToPageAsync(page, ct);
        return new Paged<ProjectListItem>(await ToItemsAsync(rows.Items, ct), rows.Page, rows.PageSize, rows.TotalCount);
    }

    public async Task<IReadOnlyList<ProjectListItem>> AllAsync(ProjectListQuery q, CancellationToken ct) =>
        await ToItemsAsync(await Sort(Filter(q), q).ToListAsync(ct), ct);

    private IQueryable<Project> Filter(ProjectListQuery q)
    {
        var query = scope.Projects().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLower();
            query = query.Where(p => p.Title.ToLower().Contains(term) || (p.Summary != null && p.Summary.ToLower().Contains(term))
                || (p.ExternalReference != null && p.ExternalReference.ToLower().Contains(term))
                || p.Partners.Any(x => db.Organisations.Any(o => o.Id == x.OrganisationId && o.Name.ToLower().Contains(term))));
        }
        if (q.ClusterId is { } cid) query = query.Where(p => p.Clusters.Any(c => c.ClusterId == cid));
        if (q.Type is { } type) query = query.Where(p => p.Type == type);
        if (q.Status is { } status) query = query.Where(p => p.Status == status);
        if (q.Theme is { } theme) query = query.Where(p => p.Theme == theme);
        // No project starts outside 2000-2100 (DomainRange), and such a year has no first of January to compare with.
        if (q.Year is { } year) query = DomainRange.Year(year, nameof(year)) is null
            ? query.Where(p => p.Start >= new DateOnly(year, 1, 1) && p.Start <= new DateOnly(year, 12, 31))
            : query.Where(p => false);
        if (q.OrganisationId is { } oid) query = query.Where(p => p.Partners.Any(x => x.OrganisationId == oid));
        return query;
    }

    private static IQueryable<Project> Sort(IQueryable<Project> query, ProjectListQuery q)
    {
        IOrderedQueryable<Project> ordered = q.Sort switch
        {
            ProjectSort.Title => q.Descending ? query.OrderByDescending(p => p.Title) : query.OrderBy(p => p.Title),
            ProjectSort.Type => q.Descending ? query.OrderByDescending(p => p.Type) : query.OrderBy(p => p.Type),
            ProjectSort.Status => q.Descending ? query.OrderByDescending(p => p.Status) : query.OrderBy(p => p.Status),
            ProjectSort.End => q.Descending ? query.OrderByDescending(p => p.End) : query.OrderBy(p => p.End),
            ProjectSort.Budget => q.Descending ? query.OrderByDescending(p => p.TotalBudget) : query.OrderBy(p => p.TotalBudget),
            ProjectSort.Aid => q.Descending ? query.OrderByDescending(p => p.Aid) : query.OrderBy(p => p.Aid),
            _ => q.Descending ? query.OrderByDescending(p => p.Start) : query.OrderBy(p => p.Start),
        };
        return ordered.ThenBy(p => p.Title).ThenBy(p => p.Id);
    }

    private async Task<IReadOnlyList<ProjectListItem>> ToItemsAsync(IReadOnlyList<Project> rows, CancellationToken ct)
    {
        var leadIds = rows.Select(p => p.LeadOrganisationId).OfType<Guid>().Distinct().ToList();
        var leads = await db.Organisations.AsNoTracking().Where(o => leadIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var clusterNames = await db.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return rows.Select(p => new ProjectListItem(p.Id, p.Title, p.Type, p.Status, p.Theme, p.Start, p.End, p.TotalBudget, p.Aid,
            p.LeadOrganisationId is { } l && leads.TryGetValue(l, out var n) ? n : null,
            p.ClusterIds.Select(id => clusterNames.GetValueOrDefault(id, "?")).Order().ToList())).ToList();
    }

    public async Task<ProjectView?> GetAsync(Guid id, CancellationToken ct)
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
        var envelopeClusters = envelopes.Where(e => e.ClusterId != null).Select(e => e.ClusterId!.Value).ToList();
        var envelopeClusterNames = await db.Clusters.AsNoTracking().Where(c => envelopeClusters.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var commitments = envelopes.Select(e => e.Commitments.Single(c => c.ProjectId == id) is var c
            ? new CommitmentView(e.Id, e.Kind, e.ClusterId is { } cid ? envelopeClusterNames.GetValueOrDefault(cid) : null, e.Year, c.Committed, c.Paid) : null!).ToList();
        // The counts by kind and size class leave out what the partner table hides, so they cannot be subtracted to find it.
        var facts = Facts(project, orgs.Values.ToDictionary(o => o.Id, o => new PartnerFacts(o.Id, o.Kind, o.SizeClass))).SeenBy(known.Contains);
        return new ProjectView(project, clusters.Select(c => (c.Id, c.Name)).ToList(), partners, commitments, facts.Companies, facts.HasThreeCompanies,
            facts.SmeCompanies.Count(), facts.RegisterOnlyPartners, await access.CanEditAsync(project), await access.IsAgencyAsync());
    }

    /// <summary>The project as the figures see it.</summary>
    public static ProjectFacts Facts(Project p, IReadOnlyDictionary<Guid, PartnerFacts> organisations) =>
        new(p.Id, p.Type, p.Status, p.Theme, p.Start, p.ClusterIds, p.Partners.Select(x => organisations[x.OrganisationId]).ToList(),
            p.TotalBudget, p.Aid, p.ExtraTurnover, p.ExtraFte, p.ExtraInvestments);

    /// <summary>
    /// Every visible project with its partners' kind and size, for the figures; a partner outside the viewer's clusters
    /// counts without them (as on the project page), so no figure can be differenced to it.
    /// </summary>
    public async Task<IReadOnlyList<ProjectFacts>> AllFactsAsync(CancellationToken ct)
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

/// <summary>A short project list on another page (a cluster, a partner), with links to all and to propose one.</summary>
public sealed record ProjectListBlock(string Title, Paged<ProjectListItem> Page, string AllUrl, string? NewUrl);
