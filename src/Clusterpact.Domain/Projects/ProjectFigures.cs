namespace Clusterpact.Domain.Projects;

/// <summary>
/// What the figures need to know about a partner: its kind and size class, unless the viewer sees only what the public
/// register shows of it (<see cref="RegisterOnly"/>).
/// </summary>
public sealed record PartnerFacts(Guid OrganisationId, OrganisationKind? Kind, SizeClass? Size)
{
    /// <summary>
    /// The partner as a viewer outside its clusters may count it: as a partner, never by kind or size class, so no
    /// count (companies, SMEs, three-company projects) depends on what that viewer may not see, and no two counts can be
    /// subtracted to find it.
    /// </summary>
    public PartnerFacts RegisterOnly() => this with { Kind = null, Size = null };

    public bool IsRegisterOnly => Kind is null;
}

/// <summary>What the figures need to know about a project.</summary>
public sealed record ProjectFacts(Guid ProjectId, ProjectType Type, ProjectStatus Status, StrategicTheme Theme, DateOnly Start, IReadOnlyList<Guid> ClusterIds,
    IReadOnlyList<PartnerFacts> Partners, decimal TotalBudget, decimal Aid, decimal? ExtraTurnover, decimal? ExtraFte, decimal? ExtraInvestments)
{
    /// <summary>Distinct companies among the partners; knowledge institutions, government and civil society do not count.</summary>
    public int Companies => Partners.Where(p => p.Kind == OrganisationKind.Company).Select(p => p.OrganisationId).Distinct().Count();

    /// <summary>The seeds' KPI "collaboration projects with at least 3 companies" (seed 001: 93 such projects by end 2018).</summary>
    public bool HasThreeCompanies => Companies >= ProjectFigures.MinCompaniesForCollaboration;

    public IEnumerable<Guid> SmeCompanies => Partners
        .Where(p => p.Kind == OrganisationKind.Company && p.Size is SizeClass.Micro or SizeClass.Small or SizeClass.Medium)
        .Select(p => p.OrganisationId).Distinct();

    /// <summary>Aid from the cluster programme's envelopes (a cluster's earmarked funds, the intercluster pool).</summary>
    public decimal EarmarkedFunding => Project.DrawsOnEnvelope(Type) ? Aid : 0;

    /// <summary>Project funding mobilised beyond the programme's envelopes (regular agency instruments, European programmes).</summary>
    public decimal AdditionalFunding => Project.DrawsOnEnvelope(Type) ? 0 : Aid;

    /// <summary>The project as a viewer counts it: partners whose register facts they do not see count without kind and size class.</summary>
    public ProjectFacts SeenBy(Func<Guid, bool> seesRegisterFacts) =>
        this with { Partners = Partners.Select(p => seesRegisterFacts(p.OrganisationId) ? p : p.RegisterOnly()).ToList() };

    /// <summary>Partners counted without kind and size class.</summary>
    public int RegisterOnlyPartners => Partners.Where(p => p.IsRegisterOnly).Select(p => p.OrganisationId).Distinct().Count();

    /// <summary>Approved projects count, from approval on; proposals and rejected projects do not.</summary>
    public bool Counts => Status is ProjectStatus.Approved or ProjectStatus.Running or ProjectStatus.Completed or ProjectStatus.Stopped;
}

/// <param name="Projects">Approved projects starting in the period, each counted once.</param>
/// <param name="ThreeCompanyProjects">Of those, with at least three companies among the partners.</param>
/// <param name="SmesInvolved">Distinct SME companies partnering in those projects.</param>
/// <param name="EarmarkedFunding">EUR aid from earmarked funds and the intercluster pool.</param>
/// <param name="AdditionalFunding">EUR aid mobilised from regular agency instruments and European programmes.</param>
/// <param name="TotalBudget">EUR total budget of those projects.</param>
public sealed record ProjectTotals(int Projects, int ThreeCompanyProjects, int SmesInvolved, decimal EarmarkedFunding, decimal AdditionalFunding, decimal TotalBudget,
    decimal ExtraTurnover, decimal ExtraFte, decimal ExtraInvestments)
{
    public decimal FundingMobilised => EarmarkedFunding + AdditionalFunding;
}

/// <summary>
/// The project KPIs of the seeds: collaboration projects (with at least 3 companies), SMEs involved, project funding
/// mobilised (earmarked and additional), and the results reported at the end. A project is counted in its start year.
/// For one cluster every project of that cluster counts; for the programme an intercluster project, which belongs to
/// several clusters, counts once.
/// </summary>
public static class ProjectFigures
{
    public const int MinCompaniesForCollaboration = 3;

    /// <param name="year">The start year, or null for all years.</param>
    /// <param name="clusterId">One cluster, or null for the programme.</param>
    public static ProjectTotals Totals(IEnumerable<ProjectFacts> projects, int? year = null, Guid? clusterId = null, StrategicTheme? theme = null)
    {
        var counted = projects
            .Where(p => p.Counts && (year is null || p.Start.Year == year) && (clusterId is null || p.ClusterIds.Contains(clusterId.Value)) && (theme is null || p.Theme == theme))
            .GroupBy(p => p.ProjectId).Select(g => g.First())
            .ToList();
        return new ProjectTotals(
            counted.Count,
            counted.Count(p => p.HasThreeCompanies),
            counted.SelectMany(p => p.SmeCompanies).Distinct().Count(),
            counted.Sum(p => p.EarmarkedFunding),
            counted.Sum(p => p.AdditionalFunding),
            counted.Sum(p => p.TotalBudget),
            counted.Sum(p => p.ExtraTurnover ?? 0),
            counted.Sum(p => p.ExtraFte ?? 0),
            counted.Sum(p => p.ExtraInvestments ?? 0));
    }
}
