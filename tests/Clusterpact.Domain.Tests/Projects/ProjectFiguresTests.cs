namespace Clusterpact.Domain.Tests.Projects;

public class ProjectFiguresTests
{
    private static readonly Guid Catalisti = Guid.NewGuid(), Flux50 = Guid.NewGuid();
    private static readonly PartnerFacts SmeA = new(Guid.NewGuid(), OrganisationKind.Company, SizeClass.Small);
    private static readonly PartnerFacts SmeB = new(Guid.NewGuid(), OrganisationKind.Company, SizeClass.Micro);
    private static readonly PartnerFacts Large = new(Guid.NewGuid(), OrganisationKind.Company, SizeClass.Large);
    private static readonly PartnerFacts Unknown = new(Guid.NewGuid(), OrganisationKind.Company, null);
    private static readonly PartnerFacts University = new(Guid.NewGuid(), OrganisationKind.KnowledgeInstitution, null);
    private static readonly PartnerFacts Imec = new(Guid.NewGuid(), OrganisationKind.KnowledgeInstitution, null);

    private static ProjectFacts P(ProjectType type, int year, Guid[] clusters, PartnerFacts[] partners, decimal aid, ProjectStatus status = ProjectStatus.Running, decimal? turnover = null) =>
        new(Guid.NewGuid(), type, status, StrategicTheme.EnergyTransition, new DateOnly(year, 6, 1), clusters, partners, aid * 2, aid, turnover, null, null);

    [Fact]
    public void A_partner_whose_register_facts_the_viewer_does_not_see_counts_without_kind_and_size_so_no_difference_finds_it()
    {
        // Two own companies (one SME) and one partner from another cluster, an SME in one world and a large company in the other.
        var foreignSme = new PartnerFacts(Guid.NewGuid(), OrganisationKind.Company, SizeClass.Micro);
        var foreignLarge = foreignSme with { Size = SizeClass.Large };
        var own = new HashSet<Guid> { SmeA.OrganisationId, Large.OrganisationId };
        var seen = new[] { foreignSme, foreignLarge }
            .Select(f => P(ProjectType.Collaboration, 2020, [Catalisti], [SmeA, Large, f], 1m).SeenBy(own.Contains)).ToList();
        // Whatever the foreign partner is, the viewer's counts are the same: two companies, one SME, not three companies.
        Assert.All(seen, p => Assert.Equal((2, 1, false, 1), (p.Companies, p.SmeCompanies.Count(), p.HasThreeCompanies, p.RegisterOnlyPartners)));
        Assert.Equal(ProjectFigures.Totals([seen[0]]), ProjectFigures.Totals([seen[1]]));
        // The agency, seeing every record, counts it.
        var all = P(ProjectType.Collaboration, 2020, [Catalisti], [SmeA, Large, foreignSme], 1m).SeenBy(_ => true);
        Assert.Equal((3, 2, true, 0), (all.Companies, all.SmeCompanies.Count(), all.HasThreeCompanies, all.RegisterOnlyPartners));
    }

    [Fact]
    public void Knowledge_institutions_do_not_count_towards_the_three_companies()
    {
        // Two companies and two knowledge institutions: four partners, but only two companies.
        Assert.False(P(ProjectType.Collaboration, 2020, [Catalisti], [SmeA, Large, University, Imec], 1m).HasThreeCompanies);
        // Three companies, whatever their size (even unknown), make it a collaboration project of at least 3 companies.
        Assert.True(P(ProjectType.Collaboration, 2020, [Catalisti], [SmeA, Large, Unknown], 1m).HasThreeCompanies);
        // The same company twice is one company.
        Assert.False(P(ProjectType.Collaboration, 2020, [Catalisti], [SmeA, SmeA, Large], 1m).HasThreeCompanies);
    }

    [Fact]
    public void An_intercluster_project_counts_in_each_of_its_clusters_and_once_for_the_programme()
    {
        var projects = new[]
        {
            P(ProjectType.Collaboration, 2020, [Catalisti], [SmeA, SmeB, Large], 400_000m),           // Catalisti only
            P(ProjectType.Intercluster, 2020, [Catalisti, Flux50], [SmeA, Large, Unknown], 300_000m), // both clusters
            P(ProjectType.European, 2020, [Flux50], [SmeB, University], 250_000m),                     // Flux50 only, additional funding
        };
        var catalisti = ProjectFigures.Totals(projects, 2020, Catalisti);
        var flux = ProjectFigures.Totals(projects, 2020, Flux50);
        var programme = ProjectFigures.Totals(projects, 2020);

        Assert.Equal((2, 2), (catalisti.Projects, catalisti.ThreeCompanyProjects));
        Assert.Equal((2, 1), (flux.Projects, flux.ThreeCompanyProjects));
        // 1 + 2 = 3 projects in the clusters' rows, but the programme has 3 distinct projects, not 4.
        Assert.Equal((3, 2), (programme.Projects, programme.ThreeCompanyProjects));
        // Earmarked: 400,000 + 300,000 (pool); additional: the European 250,000. The intercluster aid is not doubled.
        Assert.Equal((700_000m, 250_000m, 950_000m), (programme.EarmarkedFunding, programme.AdditionalFunding, programme.FundingMobilised));
        Assert.Equal(700_000m, catalisti.EarmarkedFunding);
        Assert.Equal((300_000m, 250_000m), (flux.EarmarkedFunding, flux.AdditionalFunding));
    }

    [Fact]
    public void Smes_involved_are_distinct_sme_companies_across_the_projects()
    {
        var projects = new[]
        {
            P(ProjectType.Collaboration, 2021, [Catalisti], [SmeA, SmeB, Large], 1m),
            P(ProjectType.Collaboration, 2021, [Catalisti], [SmeA, Unknown, University], 1m),
        };
        // SmeA is in both projects and counts once; Large and Unknown are not SMEs; the university is no company.
        Assert.Equal(2, ProjectFigures.Totals(projects, 2021, Catalisti).SmesInvolved);
    }

    [Fact]
    public void Proposals_and_rejected_projects_do_not_count_and_a_project_counts_in_its_start_year()
    {
        var projects = new[]
        {
            P(ProjectType.Collaboration, 2020, [Catalisti], [SmeA, SmeB, Large], 100m, ProjectStatus.Proposed),
            P(ProjectType.Collaboration, 2020, [Catalisti], [SmeA, SmeB, Large], 200m, ProjectStatus.Rejected),
            P(ProjectType.Collaboration, 2020, [Catalisti], [SmeA, SmeB, Large], 300m, ProjectStatus.Stopped),
            P(ProjectType.Collaboration, 2021, [Catalisti], [SmeA, SmeB, Large], 400m, ProjectStatus.Completed, turnover: 1_000_000m),
        };
        Assert.Equal((1, 300m), (ProjectFigures.Totals(projects, 2020).Projects, ProjectFigures.Totals(projects, 2020).EarmarkedFunding));
        var all = ProjectFigures.Totals(projects);
        Assert.Equal((2, 700m, 1_000_000m), (all.Projects, all.EarmarkedFunding, all.ExtraTurnover));
    }
}
