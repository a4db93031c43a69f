using Clusterpact.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Data.Seed;

/// <summary>
/// Loads the real clusters of the reference data and a deterministic synthetic set around them (member
/// organisations, memberships, one user per role), so every page has something true-looking to show.
/// The same seed gives the same data on every machine. Enterprise numbers are synthetic, with valid check digits.
/// </summary>
public sealed class DemoDataSeeder(ClusterpactDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<DemoDataSeeder> log)
{
    private const int RandomSeed = 20170101;

    // Who takes the lifecycle steps the demo history records.

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Clusters.AnyAsync(ct)) return;
        AuditInterceptor.Suppressed.Value = true;
        try
        {
            var today = clock.TodayInBrussels();
            var clusters = ReferenceClusters.Load()
                .Select(r => new Cluster(r.Name, r.Type, r.Domain, r.Call, r.Start, r.End, ClusterStatusRule.StatusOn(today, r.Start, r.End)))
                .ToList();
            var rng = new Random(RandomSeed);
            foreach (var c in clusters)
            {
                var slug = new string(c.Name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
                c.UpdateContactDetails($"https://www.{slug}.demo", ContactNames[rng.Next(ContactNames.Length)], $"info@{slug}.demo");
                c.SetEnterpriseNumber(NextEnterpriseNumber(rng));
            }
            db.Clusters.AddRange(clusters);
            var evaluations = Evaluations(clusters).ToList();
            var agreements = Agreements(clusters, evaluations).ToList();
            db.SupportAgreements.AddRange(agreements);
            var agreementYears = DemoBudgets.Years(agreements, today, new Random(RandomSeed + 3));
            db.AgreementYears.AddRange(agreementYears);

            var (organisations, memberships) = Members(clusters, rng, today);
            organisations.AddRange(ClusterOrganisations(clusters, new Random(RandomSeed + 4)));
            DescribeActivity(organisations, new Random(RandomSeed + 5));
            // Every member has a contact for its cluster, so a member survey can be sent in the demo (the outbox keeps the mails).
            var slugs = organisations.ToDictionary(o => o.Id, o => new string(o.Name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()));
            foreach (var m in memberships) m.SetContact($"contact@{slugs[m.OrganisationId]}.demo");
            db.Organisations.AddRange(organisations);
            db.Memberships.AddRange(memberships);
            var (envelopes, projects) = Projects(clusters, organisations, memberships, new Random(RandomSeed + 1), today);
            db.Projects.AddRange(projects);
            db.FundEnvelopes.AddRange(envelopes);
            db.BudgetScenarios.AddRange(BudgetScenarios(clusters, agreements, agreementYears, envelopes, today, clock.GetUtcNow()));
            db.Evaluations.AddRange(evaluations);
            var (pacts, targets, reports) = PactsAndReports(clusters, today);
            db.ClusterPacts.AddRange(pacts);
            db.KpiTargets.AddRange(targets);
            db.AnnualReports.AddRange(reports);
            var (survey, invitations, responses) = MemberSurvey(clusters, organisations, memberships, new Random(RandomSeed + 2));
            db.Surveys.Add(survey);
            db.SurveyInvitations.AddRange(invitations);
            db.SurveyResponses.AddRange(responses);
            await db.SaveChangesAsync(ct);

            foreach (var login in DemoLogins.All)
            {
                var user = new AppUser
                {
                    UserName = login.Email, Email = login.Email, EmailConfirmed = true,
                    DisplayName = login.DisplayName, Affiliation = login.Affiliation, AffiliationEnterpriseNumber = login.AffiliationNumber,
                };
                var created = await users.CreateAsync(user, DemoLogins.Password);
                if (!created.Succeeded) throw new InvalidOperationException("Demo user: " + string.Join("; ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, login.Role);
                if (login.Cluster is not null)
                {
                    db.UserClusterScopes.Add(new UserClusterScope { UserId = user.Id, ClusterId = clusters.Single(c => c.Name == login.Cluster).Id });
                }
            }
            await db.SaveChangesAsync(ct);

            var ids = await db.Users.ToDictionaryAsync(u => u.Email!, ct);
            db.AidPayments.AddRange(DemoBudgets.Payments(agreementYears, today, ids["officer@clusterpact.demo"].Id, ids["admin@clusterpact.demo"].Id));
            var (calls, applications, assignments, consensus) = DemoCalls.Build(clock.GetUtcNow(), ids["applicant@clusterpact.demo"].Id, ids["officer@clusterpact.demo"].Id,
                ids["expert@clusterpact.demo"].Id, ids["expert2@clusterpact.demo"].Id, ids["expert2@clusterpact.demo"].AffiliationEnterpriseNumber);
            db.Calls.AddRange(calls);
            db.Applications.AddRange(applications);
            db.ExpertAssignments.AddRange(assignments);
            db.Consensus.AddRange(consensus);
            db.StoredFiles.AddRange(applications.SelectMany(a => a.Attachments.Select(f => new Configurations.StoredFile { Id = f.Id, ApplicationId = a.Id, Content = DemoCalls.DemoPdf })));
            await db.SaveChangesAsync(ct);
            log.LogInformation("Demo data loaded: {Clusters} clusters, {Organisations} organisations, {Memberships} memberships, {Projects} projects, {Users} users",
                clusters.Count, organisations.Count, memberships.Count, projects.Count, DemoLogins.All.Count);
        }
        finally
        {
            AuditInterceptor.Suppressed.Value = false;
        }
    }

    private static (List<Organisation>, List<Membership>) Members(List<Cluster> clusters, Random rng, DateOnly today)
    {
        var organisations = new List<Organisation>();
        var memberships = new List<Membership>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var knowledge = KnowledgeInstitutions.Select(n => new Organisation(n, OrganisationKind.KnowledgeInstitution, NextEnterpriseNumber(rng), "BE", true)).ToList();
        organisations.AddRange(knowledge);

        foreach (var cluster in clusters)
        {
            // Sizes follow the seeds: SPCs have well over 100 members, IBNs from about 30 to over 100.
            var count = cluster.Type switch
            {
                ClusterType.SpearheadCluster => rng.Next(110, 180),
                ClusterType.InnovativeBusinessNetwork => rng.Next(30, 90),
                _ => rng.Next(15, 35),
            };
            var start = cluster.SupportStart ?? (cluster.SupportEnd?.AddYears(-3).AddDays(1)) ?? new DateOnly(2021, 1, 1);
            var end = cluster.SupportEnd;
            var members = new List<Organisation>();
            // Some members are already in another cluster: that overlap is where intercluster work starts.
            var fromOthers = organisations.Where(o => o.Kind == OrganisationKind.Company).OrderBy(_ => rng.Next()).Take(count / 6).ToList();
            members.AddRange(fromOthers);
            members.AddRange(knowledge.OrderBy(_ => rng.Next()).Take(rng.Next(2, 5)));
            while (members.Count < count)
            {
                var org = NewCompany(rng, usedNames);
                organisations.Add(org);
                members.Add(org);
            }
            var founders = 0;
            foreach (var org in members.Distinct())
            {
                var founding = founders < 8 && rng.NextDouble() < 0.3;
                if (founding) founders++;
                var from = founding ? start : start.AddDays(rng.Next(0, 365 * 4));
                if (end is { } e && from > e) from = start.AddDays(rng.Next(0, Math.Max(1, e.DayNumber - start.DayNumber)));
                DateOnly? until = rng.NextDouble() < 0.08 ? from.AddYears(rng.Next(1, 3)) : null;
                // A network that has ended has no members left; one still running keeps its open memberships.
                if (end is { } endDate && (until is { } u && u > endDate || until is null && endDate < today)) until = endDate;
                var role = founding ? MembershipRole.FoundingMember : rng.NextDouble() < 0.05 ? MembershipRole.BoardMember : MembershipRole.Member;
                var fee = org.Kind == OrganisationKind.KnowledgeInstitution ? 2500m : org.SizeClass switch
                {
                    SizeClass.Micro => 500m, SizeClass.Small => 1000m, SizeClass.Medium => 2500m, _ => 5000m,
                };
                memberships.Add(new Membership(org.Id, cluster.Id, from, until, role, fee));
            }
        }
        return (organisations, memberships);
    }

    /// <summary>
    /// Each cluster organisation in the register under the cluster's enterprise number, as the open-data listing
    /// finds the beneficiary of operating aid there: a small non-profit (vzw) in NACE group 94.1 (business membership
    /// organisations), with a synthetic Flemish region. Its own random stream, so the rest of the demo stays as it was.
    /// </summary>
    private static IEnumerable<Organisation> ClusterOrganisations(List<Cluster> clusters, Random rng)
    {
        foreach (var c in clusters.Where(c => c.EnterpriseNumber is not null))
        {
            var org = new Organisation($"{c.Name} vzw", OrganisationKind.CivilSociety, c.EnterpriseNumber, "BE", true);
            org.SetSizeClass(SizeClass.Small);
            org.Describe(org.Name, org.Kind, null, "94.11", FlemishRegions[rng.Next(FlemishRegions.Length)]);
            yield return org;
        }
    }

    /// <summary>
    /// A sector (NACE class) and region (NUTS 2) for each Belgian organisation, as the KBO would give them: the
    /// knowledge institutions where they are, the companies spread over Flanders and Brussels. Foreign members get none.
    /// </summary>
    private static void DescribeActivity(List<Organisation> organisations, Random rng)
    {
        foreach (var org in organisations.Where(o => o.CountryCode == "BE" && o.NaceCode is null))
        {
            var (nace, nuts) = org.Kind == OrganisationKind.KnowledgeInstitution && KnowledgeRegions.TryGetValue(org.Name, out var known)
                ? known
                : (CompanyNace[rng.Next(CompanyNace.Length)], FlemishRegions[rng.Next(FlemishRegions.Length)]);
            org.Describe(org.Name, org.Kind, null, nace, nuts);
        }
    }

    /// <summary>
    /// Support agreements that follow the reference dates: spearhead clusters in 3-year terms, each extension resting on a
    /// decided positive interim evaluation of the cluster held during the agreement (the demo's own where it has one, such
    /// as the May 2019 evaluations of the 2017 clusters of seed 001; otherwise one decided in May of the term's last year,
    /// added to <paramref name="evaluations"/>) up to their end date; each network one term of at most 3 years ending on its
    /// reference end date. Built through the domain rules.
    /// </summary>

    private static IEnumerable<Domain.Agreements.SupportAgreement> Agreements(IEnumerable<Cluster> clusters, List<Evaluation> evaluations)
    {
        var rules = Domain.Funding.FundingRuleSet.Default;
        foreach (var c in clusters)
        {
            if (c.Type == ClusterType.SpearheadCluster && c.SupportStart is { } start && c.SupportEnd is { } end)
            {
                var firstEnd = start.AddYears(3).AddDays(-1);
                var agreement = Domain.Agreements.SupportAgreement.Create(c.Id, c.Type, start, firstEnd, $"HF-{start.Year}-{c.Name[..3].ToUpperInvariant()}", start, rules).Value!;
                while (agreement.End < end)
                {
                    var next = agreement.End.AddYears(3) < end ? agreement.End.AddYears(3) : end;
                    // One evaluation per extension: the demo takes one held during the term that ends.
                    var basis = evaluations.Select(Domain.Agreements.ExtensionEvaluation.Of)
                        .FirstOrDefault(e => e.DecidedOn >= agreement.Terms[^1].Start && agreement.CheckEvaluation(e).IsSuccess);
                    if (basis is null)
                    {
                        var held = DecidedInterim(c, new DateOnly(agreement.End.Year, 5, 15));
                        evaluations.Add(held);
                        basis = Domain.Agreements.ExtensionEvaluation.Of(held);
                    }
                    var extended = agreement.Extend(next, basis, $"HF-{agreement.End.Year}-{c.Name[..3].ToUpperInvariant()}-V", start, rules);
                    if (!extended.IsSuccess) throw new InvalidOperationException($"Demo agreement for {c.Name}: {extended.Error!.Code}");
                }
                yield return agreement;
            }
            else if (c.Type == ClusterType.InnovativeBusinessNetwork && c.SupportEnd is { } networkEnd)
            {
                var networkStart = networkEnd.AddDays(1).AddYears(-3);
                yield return Domain.Agreements.SupportAgreement.Create(c.Id, c.Type, networkStart, networkEnd, $"IBN-{networkStart.Year}-{c.Name[..3].ToUpperInvariant()}", networkStart, rules).Value!;
            }
        }
    }

    /// <summary>An interim evaluation of a cluster that advised extending, decided on <paramref name="decidedOn"/> after its stages in turn.</summary>
    private static Evaluation DecidedInterim(Cluster cluster, DateOnly decidedOn)
    {
        var e = Evaluation.Plan($"Tussentijdse evaluatie {cluster.Name} {decidedOn.Year}", EvaluationKind.Interim, EvaluationScope.Individual, cluster.Id,
            new Dictionary<EvaluationStage, DateOnly> { [EvaluationStage.Decided] = decidedOn }).Value!;
        var steps = EvaluationLifecycle.StepsBeforeDecision;
        for (var i = 0; i < steps.Count; i++) e.Take(steps[i], Actors.Agency, decidedOn.AddMonths(i - steps.Count));
        var decided = e.Decide(Actors.Agency, decidedOn, EvaluationOutcome.Extend);
        if (!decided.IsSuccess) throw new InvalidOperationException($"Demo evaluation for {cluster.Name}: {decided.Error!.Code}");
        return e;
    }

    /// <summary>
    /// Green-paper scenarios 3 and 4 (seed 004) for 2027-2030, from the clusters under an agreement today: operating aid as
    /// granted for this year's working year (the funding rule's yearly maximum without one), this year's earmarked envelope,
    /// the term ending on the 10-year last day; the intercluster pool of this year: the planner's rule (CurrentClusters), on the
    /// data being seeded.
    /// </summary>
    private static IEnumerable<Domain.Budget.SavedBudgetScenario> BudgetScenarios(List<Cluster> clusters, List<Domain.Agreements.SupportAgreement> agreements,
        List<Domain.Agreements.AgreementYear> agreementYears, List<FundEnvelope> envelopes, DateOnly today, DateTimeOffset now)
    {
        var rules = Domain.Funding.FundingRuleSet.Default;
        var funded = clusters.Select(c => (Cluster: c, Own: agreements.Where(a => a.ClusterId == c.Id).ToList())).Where(x => x.Own.Count > 0)
            .Select(x => new Domain.Budget.FundedCluster(x.Cluster.Id, x.Cluster.Name, x.Cluster.Type, x.Own.Max(a => a.End),
                Domain.Agreements.SupportAgreement.AidWindow(x.Own, x.Cluster.Type, rules)?.LastAllowedDay,
                agreementYears.Where(y => x.Own.Any(a => a.Id == y.AgreementId) && y.YearStart.Year == today.Year).Sum(y => y.GrantedAid)));
        var (current, pool) = Domain.Budget.CurrentClusters.From(funded,
            envelopes.Select(e => new Domain.Budget.EnvelopeAmount(e.Kind, e.ClusterId, e.Year, e.Amount)).ToList(), rules, today);
        var labels = new Dictionary<Domain.Budget.ProgrammeLineKind, string>
        {
            [Domain.Budget.ProgrammeLineKind.InterclusterPool] = "Pool interclusterprojecten",
            [Domain.Budget.ProgrammeLineKind.AdHocAssignments] = "Ad-hocopdrachten",
            [Domain.Budget.ProgrammeLineKind.TransformationProgramme] = "Programma systemische transformaties",
        };
        foreach (var (basis, name) in new[]
        {
            (Domain.Budget.GreenPaperScenario.BasicMissionWithEarmarkedFunds, "3. Basisopdracht met geoormerkte middelen (demo)"),
            (Domain.Budget.GreenPaperScenario.SystemicTransformationProgramme, "4. Nieuw programma voor systemische transformaties (demo)"),
        })
        {
            var scenario = Domain.Budget.ScenarioDefaults.For(basis, 2027, 2030, current, pool, name);
            scenario = scenario with
            {
                ProgrammeLines = scenario.ProgrammeLines.Select(l => l with { Label = labels.GetValueOrDefault(l.Kind, l.Label) }).ToList(),
                Notes = "Demoscenario met de standaardparameters van het groenboek.",
            };
            yield return Domain.Budget.SavedBudgetScenario.Create(scenario, now).Value!;
        }
    }

    /// <summary>
    /// Earmarked funds of EUR 8 million per spearhead cluster per year and the rest of the EUR 75 million for the
    /// intercluster pool (seed 003, budget 2020), from 2019 to this year; and projects on them: collaboration projects
    /// of the cluster's members, intercluster projects of two clusters, and projects on regular and European funding.
    /// Older projects are completed with results; this year's include proposals still to be decided.
    /// </summary>
    private static (List<FundEnvelope>, List<Project>) Projects(List<Cluster> clusters, List<Organisation> organisations, List<Membership> memberships, Random rng, DateOnly today)
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

    /// <summary>
    /// The evaluations the seeds name: the interim evaluations of the four 2017 spearhead clusters completed in May 2019
    /// (all extended), the 2019-2020 systemic evaluation of the cluster policy, and interim evaluations of the 2018
    /// clusters, one of them still running.
    /// </summary>
    private static IEnumerable<Evaluation> Evaluations(List<Cluster> clusters)
    {
        Cluster Named(string name) => clusters.Single(c => c.Name == name);
        foreach (var name in new[] { "Catalisti", "SIM", "Flux50", "VIL" })
        {
            var e = Evaluation.Plan($"Tussentijdse evaluatie {name} 2019", EvaluationKind.Interim, EvaluationScope.Individual, Named(name).Id,
                new Dictionary<EvaluationStage, DateOnly> { [EvaluationStage.CollectingData] = new(2019, 1, 15), [EvaluationStage.Decided] = new(2019, 5, 31) }).Value!;
            e.AddParticipant("Idea Consult", null, ParticipantRole.Evaluator);
            e.AddEvidence(EvidenceKind.KpiExtract, "KPI-rapportering werkjaren 2017-2018", null, new DateOnly(2019, 1, 20));
            e.Take(EvaluationLifecycle.StartDataCollection, Actors.Agency, new DateOnly(2019, 1, 15));
            e.AddEvidence(EvidenceKind.InterviewNotes, "Interviews raad van bestuur en clustermanager", null, new DateOnly(2019, 2, 20));
            e.Take(EvaluationLifecycle.ConveneExpertPanel, Actors.Agency, new DateOnly(2019, 3, 15));
            e.AddParticipant("Internationaal expertpanel", null, ParticipantRole.PanelMember);
            e.Take(EvaluationLifecycle.DraftReport, Actors.Agency, new DateOnly(2019, 4, 30));
            e.Decide(Actors.Agency, new DateOnly(2019, 5, 28), EvaluationOutcome.Extend);
            yield return e;
        }
        var systemic = Evaluation.Plan("Evaluatie van het clusterbeleid 2019-2020", EvaluationKind.MidTermReview, EvaluationScope.Systemic, null,
            new Dictionary<EvaluationStage, DateOnly> { [EvaluationStage.CollectingData] = new(2019, 9, 1), [EvaluationStage.Decided] = new(2020, 5, 31) }).Value!;
        systemic.AddEvidence(EvidenceKind.SurveyResults, "Online bevraging van alle leden (328 IBN- en 232 SPC-leden)", "Ledenbevraging 2020", new DateOnly(2020, 1, 31));
        systemic.AddEvidence(EvidenceKind.InterviewNotes, "Interviews met elke clustermanager en 8 betrokken ambtenaren", null, new DateOnly(2020, 2, 28));
        systemic.Take(EvaluationLifecycle.StartDataCollection, Actors.Agency, new DateOnly(2019, 9, 1));
        systemic.Take(EvaluationLifecycle.ConveneExpertPanel, Actors.Agency, new DateOnly(2020, 3, 1));
        systemic.AddParticipant("Internationaal expertpanel", null, ParticipantRole.PanelMember);
        systemic.AddRecommendation("Kmo's en internationalisering blijven achter", "Stel ambitieuze, duidelijke KPI's vooraf en betrek meer kmo's in Europese samenwerking", "VLAIO", new DateOnly(2021, 12, 31));
        systemic.Take(EvaluationLifecycle.DraftReport, Actors.Agency, new DateOnly(2020, 4, 15));
        systemic.Decide(Actors.Agency, new DateOnly(2020, 5, 29), null, conclusion: "Het clusterbeleid werkt; meer focus op impact en kmo-bereik.");
        yield return systemic;
        foreach (var (name, done) in new[] { ("Flanders' FOOD", true), ("De Blauwe Cluster", false) })
        {
            var e = Evaluation.Plan($"Tussentijdse evaluatie {name} 2020", EvaluationKind.Interim, EvaluationScope.Individual, Named(name).Id,
                new Dictionary<EvaluationStage, DateOnly> { [EvaluationStage.CollectingData] = new(2020, 1, 15), [EvaluationStage.ExpertPanel] = new(2020, 3, 15), [EvaluationStage.Decided] = new(2020, 6, 30) }).Value!;
            e.Take(EvaluationLifecycle.StartDataCollection, Actors.Agency, new DateOnly(2020, 1, 15));
            if (done)
            {
                e.Take(EvaluationLifecycle.ConveneExpertPanel, Actors.Agency, new DateOnly(2020, 3, 20));
                e.Take(EvaluationLifecycle.DraftReport, Actors.Agency, new DateOnly(2020, 5, 5));
                e.Decide(Actors.Agency, new DateOnly(2020, 6, 26), EvaluationOutcome.ExtendWithConditions, "Meer kmo's betrekken in de projecten");
            }
            yield return e;
        }
    }

    /// <summary>
    /// The 2020 member survey of the evaluation, closed, with answers from members of four spearhead clusters shaped
    /// like the seed's findings (about 30% say the cluster already made them more competitive, 40% more expect it).
    /// </summary>
    private static (Survey, List<SurveyInvitation>, List<SurveyResponse>) MemberSurvey(List<Cluster> clusters, List<Organisation> organisations, List<Membership> memberships, Random rng)
    {
        var survey = Survey.Standard("Ledenbevraging evaluatie clusterbeleid 2020", 2020);
        survey.Open(new DateOnly(2020, 1, 6));
        var q = survey.Questions;
        var byId = organisations.ToDictionary(o => o.Id);
        var invitations = new List<SurveyInvitation>();
        var responses = new List<SurveyResponse>();
        foreach (var cluster in clusters.Where(c => c.Name is "Catalisti" or "Flux50" or "VIL" or "Flanders' FOOD"))
        {
            var asked = memberships.Where(m => m.ClusterId == cluster.Id && m.ContactEmail is not null && m.IsActiveOn(new DateOnly(2020, 1, 6))).Take(40).ToList();
            foreach (var m in asked)
            {
                var (invitation, _) = SurveyInvitation.Create(survey.Id, cluster.Id, m.OrganisationId, m.ContactEmail!, false, new DateOnly(2020, 1, 6));
                invitations.Add(invitation);
                if (rng.Next(10) >= 6) continue;
                invitation.Use();
                int Scale(int[] weights) { var r = rng.Next(weights.Sum()); for (var i = 0; i < weights.Length; i++) { if (r < weights[i]) return i + 1; r -= weights[i]; } return weights.Length; }
                responses.Add(SurveyResponse.Of(survey.Id, cluster.Id, byId[m.OrganisationId].SizeClass,
                [
                    new SurveyAnswer(q[0].Id, rng.Next(10) < 8 ? (2 + rng.Next(2)).ToString(System.Globalization.CultureInfo.InvariantCulture) : rng.Next(2).ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, null),
                    new SurveyAnswer(q[1].Id, null, Scale([5, 10, 25, 40, 20]), null, null),
                    new SurveyAnswer(q[2].Id, null, Scale([15, 25, 30, 20, 10]), null, null),
                    new SurveyAnswer(q[3].Id, null, Scale([10, 20, 30, 28, 12]), null, null),
                    new SurveyAnswer(q[4].Id, rng.Next(10) < 7 ? "0" : rng.Next(2) == 0 ? "1" : "2", null, null, null),
                ]));
            }
        }
        survey.Close(new DateOnly(2020, 2, 14));
        return (survey, invitations, responses);
    }

    /// <summary>
    /// Pacts for the spearhead clusters with dates (a first version adopted at the start, reviewed once), member-number
    /// targets, and accepted annual reports for the working years up to two years ago; last year's is still a draft.
    /// </summary>
    private static (List<ClusterPact>, List<KpiTarget>, List<AnnualReport>) PactsAndReports(List<Cluster> clusters, DateOnly today)
    {
        var pacts = new List<ClusterPact>();
        var targets = new List<KpiTarget>();
        var reports = new List<AnnualReport>();
        var at = new DateTimeOffset(2021, 1, 15, 9, 0, 0, TimeSpan.Zero);
        var rng = new Random(RandomSeed + 3);
        foreach (var c in clusters.Where(c => c.Type == ClusterType.SpearheadCluster && c.SupportStart is not null))
        {
            var start = c.SupportStart!.Value.Year;
            var pact = ClusterPact.Start(c.Id, start, $"Jaarplan {start}");
            pact.AddCommitment(PartyKind.ClusterOrganisation, c.Name, "Innovatieroadmap opstellen en jaarlijks actualiseren", "Clustermanager", new DateOnly(start, 12, 31));
            pact.AddCommitment(PartyKind.Members, "Leden", "Cofinanciering van het werkingsbudget storten", "Raad van bestuur", new DateOnly(start, 3, 31));
            pact.AddCommitment(PartyKind.Government, "Flanders Investment & Trade", "Internationale zendingen voor de leden mee organiseren", "FIT", new DateOnly(start + 1, 12, 31));
            pact.Adopt(new DateOnly(start, 3, 1));
            pact.Review(2021, "Jaarplan 2021");
            var mission = pact.CommitmentsOf(2).Single(x => x.PartyKind == PartyKind.Government);
            pact.ChangeCommitment(mission.Key, mission.PartyKind, mission.Party, mission.Description, mission.Owner, new DateOnly(2022, 12, 31), CommitmentStatus.Delayed);
            pact.AddCommitment(PartyKind.Government, "Departement MOW", "Proeftuin voor duurzaam goederenvervoer", "MOW", new DateOnly(2023, 12, 31));
            pact.Adopt(new DateOnly(2021, 3, 1));
            pacts.Add(pact);
            for (var year = Math.Max(start, 2019); year < today.Year; year++)
            {
                targets.Add(KpiTarget.Set(c.Id, KpiCatalogue.Members, year, null, 80 + 10 * (year - 2019), "officer@clusterpact.demo", at).Value!);
                targets.Add(KpiTarget.Set(c.Id, KpiCatalogue.ExtraFte, year, null, 20 + 5 * (year - 2019), "officer@clusterpact.demo", at).Value!);
                var report = AnnualReport.Start(c.Id, year);
                report.SetValue(KpiCatalogue.ExtraTurnover, 5_000_000m + 500_000m * rng.Next(20), null, "Ledenbevraging", null);
                report.SetValue(KpiCatalogue.ExtraFte, 15 + rng.Next(25), null, "Ledenbevraging", null);
                report.SetValue(KpiCatalogue.ExtraInvestments, 1_000_000m + 250_000m * rng.Next(20), null, null, null);
                report.SetValue(KpiCatalogue.MoreCompetitive, 0.2m + 0.01m * rng.Next(25), null, null, null);
                report.SetValue(KpiCatalogue.EuropeanSmes, 3 + rng.Next(15), null, null, null);
                report.SetNarrative($"Het jaarplan {year} werd uitgevoerd; zie bijlagen.");
                if (year < today.Year - 1)
                {
                    report.Submit(Actors.ClusterManager, "manager", new DateTimeOffset(year + 1, 3, 20, 10, 0, 0, TimeSpan.Zero));
                    report.Accept(Actors.Agency, "officer", new DateTimeOffset(year + 1, 4, 15, 10, 0, 0, TimeSpan.Zero));
                }
                reports.Add(report);
            }
        }
        return (pacts, targets, reports);
    }

    private static readonly string[] ProjectTopics =
    [
        "Gerecycleerde composieten", "Slimme warmtenetten", "Digitale tweeling productielijn", "Waterstof in de haven", "Biogebaseerde coatings",
        "Predictief onderhoud", "Zorgrobotica thuis", "Koolstofarm beton", "Multimodale logistiek", "AI voor kwaliteitscontrole",
        "Circulaire verpakking", "Energieflexibiliteit KMO", "Precisievoeding", "Autonome binnenvaart", "Batterijhergebruik",
    ];

    private static Organisation NewCompany(Random rng, HashSet<string> usedNames)
    {
        string name;
        do
        {
            var family = FamilyNames[rng.Next(FamilyNames.Length)];
            var word = ActivityWords[rng.Next(ActivityWords.Length)];
            var form = LegalForms[rng.Next(LegalForms.Length)];
            name = rng.Next(3) switch { 0 => $"{family} {word} {form}", 1 => $"{word} {family} {form}", _ => $"{family} & {FamilyNames[rng.Next(FamilyNames.Length)]} {form}" };
        } while (!usedNames.Add(name));
        // About 80% SMEs, 60% internationally active (evaluation 2020, seed 001).
        var roll = rng.NextDouble();
        var size = roll < 0.30 ? SizeClass.Micro : roll < 0.58 ? SizeClass.Small : roll < 0.80 ? SizeClass.Medium : SizeClass.Large;
        var foreign = rng.NextDouble() < 0.04;
        var org = new Organisation(name, OrganisationKind.Company, foreign ? null : NextEnterpriseNumber(rng),
            foreign ? ForeignCountries[rng.Next(ForeignCountries.Length)] : "BE", rng.NextDouble() < (size == SizeClass.Large ? 0.95 : 0.55));
        org.SetSizeClass(size);
        return org;
    }

    /// <summary>A synthetic Belgian enterprise number with valid mod-97 check digits (KBO rule).</summary>
    private static string NextEnterpriseNumber(Random rng)
    {
        var body = rng.Next(2_000_000, 9_999_999);
        var check = 97 - (body % 97);
        return "0" + body.ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + check.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly string[] ContactNames = ["Lotte Vermeulen", "Bart De Smet", "Hanne Goossens", "Tom Willems", "Eline Mertens", "Wim Dubois", "Nele Lambrecht", "Jan Verstraete"];
    private static readonly string[] FamilyNames = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambrecht", "Verstraete", "Van Damme", "Desmet", "Vermeulen", "Hermans", "Coppens", "Martens", "Declercq", "Van den Broeck", "Michiels", "Aerts", "Verhoeven", "Smets", "Segers", "Cools", "Vos", "De Backer", "Pauwels"];
    private static readonly string[] ActivityWords = ["Tech", "Solutions", "Engineering", "Industries", "Systems", "Logistics", "Materials", "Energy", "Foods", "Coatings", "Robotics", "Digital", "Chemicals", "Composites", "Analytics", "Maritime", "Mobility", "Health", "Bio", "Sensors"];
    private static readonly string[] LegalForms = ["NV", "BV", "BV", "BV", "CV"];
    private static readonly string[] ForeignCountries = ["NL", "DE", "FR", "LU"];
    private static readonly string[] FlemishRegions = ["BE21", "BE21", "BE22", "BE23", "BE23", "BE24", "BE24", "BE25", "BE10"];
    private static readonly string[] CompanyNace = ["20.16", "20.59", "22.21", "25.62", "26.51", "28.29", "33.12", "35.11", "38.32", "42.99", "46.69", "49.41", "52.29", "62.01", "62.02", "71.12", "72.19", "10.89", "50.40", "86.90"];
    private static readonly Dictionary<string, (string Nace, string Nuts)> KnowledgeRegions = new(StringComparer.Ordinal)
    {
        ["KU Leuven"] = ("85.42", "BE24"), ["Universiteit Gent"] = ("85.42", "BE23"), ["Universiteit Antwerpen"] = ("85.42", "BE21"),
        ["Vrije Universiteit Brussel"] = ("85.42", "BE10"), ["Universiteit Hasselt"] = ("85.42", "BE22"), ["imec"] = ("72.19", "BE24"),
        ["VITO"] = ("72.19", "BE21"), ["Flanders Make"] = ("72.19", "BE22"), ["VIB"] = ("72.19", "BE23"), ["Sirris"] = ("72.19", "BE10"),
        ["Hogeschool Gent"] = ("85.42", "BE23"), ["Thomas More"] = ("85.42", "BE21"),
    };
    private static readonly string[] KnowledgeInstitutions = ["KU Leuven", "Universiteit Gent", "Universiteit Antwerpen", "Vrije Universiteit Brussel", "Universiteit Hasselt", "imec", "VITO", "Flanders Make", "VIB", "Sirris", "Hogeschool Gent", "Thomas More"];
}
