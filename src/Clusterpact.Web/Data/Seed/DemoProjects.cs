namespace Clusterpact.Web.Data.Seed;

/// <summary>The demo's fund envelopes and the projects on them.</summary>
internal static class DemoProjects
{
    /// <summary>
    /// Earmarked funds of EUR 8 million per spearhead cluster per year and the rest of the EUR 75 million for the
    /// intercluster pool (seed 003, budget 2020), from 2019 to this year; and projects on them: collaboration projects
    /// of the cluster's members, intercluster projects of two clusters, and projects on regular and European funding.
    /// Older projects are completed with results; this year's include proposals still to be decided.
    /// </summary>
    public static (List<FundEnvelope>, List<Project>) Build(List<Cluster> clusters, List<Organisation> organisations, List<Membership> memberships, Random rng, DateOnly today)
    {
        const decimal Earmarked = 8_000_000m, Programme = 75_000_000m;
        var envelopes = new List<FundEnvelope>();
        var projects = new List<Project>();
        var byId = organisations.ToDictionary(o => o.Id);
        var spcs = clusters.Where(c => c.Type == ClusterType.SpearheadCluster).ToList();
        var themes = Enum.GetValues<StrategicTheme>();
        for (var year = 2019; year <= today.Year; year++)
        {
            var yearStart = new DateOnly(year, 1, 1);
            var active = spcs.Where(c => c.SupportStart <= new DateOnly(year, 12, 31) && (c.SupportEnd is null || c.SupportEnd >= yearStart)).ToList();
            if (active.Count == 0) continue;
            var pool = FundEnvelope.Open(EnvelopeKind.InterclusterPool, null, year, Math.Max(5_000_000m, Programme - Earmarked * active.Count), "Begroting speerpuntclusters").Value!;
            envelopes.Add(pool);
            foreach (var cluster in active)
            {
                var envelope = FundEnvelope.Open(EnvelopeKind.ClusterEarmarked, cluster.Id, year, Earmarked, "Competitiviteitsprogramma " + year).Value!;
                envelopes.Add(envelope);
                var members = memberships.Where(m => m.ClusterId == cluster.Id && m.IsActiveOn(yearStart.AddMonths(3))).Select(m => byId[m.OrganisationId]).ToList();
                var companies = members.Where(o => o.Kind == OrganisationKind.Company && o.EnterpriseNumber is not null).ToList();
                var institutes = members.Where(o => o.Kind == OrganisationKind.KnowledgeInstitution).ToList();
                if (companies.Count < 5) continue;
                for (var i = 0; i < 2 + rng.Next(4); i++)
                {
                    var type = rng.Next(10) switch { < 6 => ProjectType.Collaboration, < 8 => ProjectType.RegularInstrument, _ => ProjectType.European };
                    var p = DemoProject(type, [cluster.Id], year, companies, institutes, themes, rng, today);
                    if (p is null) continue;
                    if (type == ProjectType.Collaboration && p.Status != ProjectStatus.Proposed && !envelope.Commit(p.Id, p.Aid, p.DecidedOn ?? yearStart).IsSuccess) continue;
                    projects.Add(p);
                    Pay(envelope, p, year, today);
                }
            }
            // An intercluster project or two, on the pool: partners from both clusters.
            for (var i = 0; i + 1 < active.Count && i < 4; i += 2)
            {
                var pair = new[] { active[(i + year) % active.Count], active[(i + year + 1) % active.Count] };
                var companies = memberships.Where(m => pair.Any(c => c.Id == m.ClusterId) && m.IsActiveOn(yearStart.AddMonths(3))).Select(m => byId[m.OrganisationId])
                    .Where(o => o.Kind == OrganisationKind.Company && o.EnterpriseNumber is not null).Distinct().ToList();
                if (companies.Count < 5) continue;
                var p = DemoProject(ProjectType.Intercluster, pair.Select(c => c.Id).ToList(), year, companies, [], themes, rng, today);
                if (p is null) continue;
                if (p.Status != ProjectStatus.Proposed && !pool.Commit(p.Id, p.Aid, p.DecidedOn ?? yearStart).IsSuccess) continue;
                projects.Add(p);
                Pay(pool, p, year, today);
            }
        }
        return (envelopes, projects);
    }

    private static Project? DemoProject(ProjectType type, List<Guid> clusterIds, int year, List<Organisation> companies, List<Organisation> institutes, StrategicTheme[] themes, Random rng, DateOnly today)
    {
        var start = new DateOnly(year, 1 + rng.Next(9), 1);
        if (start > today.AddMonths(2)) return null;
        var budget = 250_000m * (2 + rng.Next(10));
        var aid = Math.Round(budget * (0.35m + 0.05m * rng.Next(6)), 0);
        var topic = ProjectTopics[rng.Next(ProjectTopics.Length)];
        var lead = companies[rng.Next(companies.Count)];
        var details = new ProjectDetails(type, $"{topic} {year}-{rng.Next(100, 999)}", $"{topic}: van prototype tot demonstrator, met bedrijven uit de cluster.",
            themes[rng.Next(themes.Length - 1)], start, start.AddMonths(24 + 12 * rng.Next(3)).AddDays(-1), 2 + rng.Next(4), 6 + rng.Next(3), budget, aid, clusterIds);
        var project = Project.Propose(details, lead.Id, null, $"DEMO-{year}-{rng.Next(1000, 9999)}").Value!;
        project.SetPartner(lead.Id, PartnerRole.Lead, Math.Round(budget * 0.4m, 0), true);
        // Most consortia have at least three companies; some are smaller (they do not count for the "3 companies" KPI).
        var partnerCount = rng.Next(10) < 8 ? 2 + rng.Next(3) : 1;
        foreach (var partner in companies.Where(c => c.Id != lead.Id).OrderBy(_ => rng.Next()).Take(partnerCount))
            project.SetPartner(partner.Id, PartnerRole.Partner, Math.Round(budget * 0.1m, 0), true);
        if (institutes.Count > 0 && rng.Next(2) == 0) project.SetPartner(institutes[rng.Next(institutes.Count)].Id, PartnerRole.Partner, Math.Round(budget * 0.1m, 0), true);
        if (year == today.Year && rng.Next(2) == 0) return project;
        project.Take(ProjectStep.Approve, Actors.Agency, null, start.AddDays(-30));
        if (start <= today) project.Take(ProjectStep.Start, Actors.Agency, null, start);
        if (project.Status == ProjectStatus.Running && project.End < today)
        {
            project.Take(ProjectStep.Complete, Actors.Agency, null, project.End);
            project.ReportResults(new ProjectResults(budget * (1 + rng.Next(8)), 1 + rng.Next(12), budget * rng.Next(3) / 2));
        }
        return project;
    }

    private static void Pay(FundEnvelope envelope, Project p, int year, DateOnly today)
    {
        if (!envelope.Commitments.Any(c => c.ProjectId == p.Id)) return;
        var share = p.Status == ProjectStatus.Completed ? 1m : Math.Min(0.9m, 0.3m * (today.Year - year));
        if (share > 0) envelope.Pay(p.Id, Math.Round(p.Aid * share, 0));
    }

    private static readonly string[] ProjectTopics =
    [
        "Gerecycleerde composieten", "Slimme warmtenetten", "Digitale tweeling productielijn", "Waterstof in de haven", "Biogebaseerde coatings",
        "Predictief onderhoud", "Zorgrobotica thuis", "Koolstofarm beton", "Multimodale logistiek", "AI voor kwaliteitscontrole",
        "Circulaire verpakking", "Energieflexibiliteit KMO", "Precisievoeding", "Autonome binnenvaart", "Batterijhergebruik",
    ];
}
