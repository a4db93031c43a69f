using Clusterpact.Web.Infrastructure.ReadModels;
using Microsoft.Extensions.Options;

namespace Clusterpact.Web.Features.OpenData;

/// <summary>A line that was not turned into a publishable award, with the rule code; for the agency, never public.</summary>
/// <param name="Source">"Agreement" or "Project".</param>
/// <param name="Name">The cluster's name or the project's title, so an officer can find and correct it.</param>
/// <remarks>The open data's computation refuses 187,000 lines at the EU size, most of them a partner's share of a project:
/// a line keeps the ids its reference is made of and writes the reference when it is read, instead of holding 187,000
/// formatted references of 73 characters (about 30 MB; issue 18, memory). The kept set holds none (<see cref="OpenDataSet.Kept"/>).</remarks>
public sealed record NotPublished(string Source, string Name, string Code)
{
    private Guid LineId { get; init; }
    private Guid PartnerId { get; init; }
    private int TermNumber { get; init; }
    private string? Written { get; init; }

    /// <summary>The line's reference, as its award would carry it: "agreement-{id}-{term}", "project-{id}" or "project-{id}-{organisation}".</summary>
    public string Reference => Written ?? (TermNumber > 0 ? $"agreement-{LineId:N}-{TermNumber}" : PartnerId == Guid.Empty ? $"project-{LineId:N}" : $"project-{LineId:N}-{PartnerId:N}");

    /// <summary>A working year of an agreement's term (numbered from 1).</summary>
    public static NotPublished Agreement(Guid agreementId, int term, string clusterName, string code) =>
        new(PublishedAwards.AgreementSourceName, clusterName, code) { LineId = agreementId, TermNumber = term };

    /// <summary>A project as a whole.</summary>
    public static NotPublished Project(Guid projectId, string title, string code) => new(PublishedAwards.ProjectSourceName, title, code) { LineId = projectId };

    /// <summary>One partner's share of a project.</summary>
    public static NotPublished Partner(Guid projectId, Guid organisationId, string title, string code) =>
        new(PublishedAwards.ProjectSourceName, title, code) { LineId = projectId, PartnerId = organisationId };

    /// <summary>An award line that already has its reference.</summary>
    public static NotPublished Line(string source, string reference, string name, string code) => new(source, name, code) { Written = reference };
}

/// <summary>Everything the public listing rests on: the published awards and what was left out, and why.</summary>
/// <param name="Refused">Every line left out, with its rule; the set the store keeps has none (<see cref="Kept"/>).</param>
/// <param name="BelowThreshold">Awards (after aggregation) at or below the threshold in force on their date.</param>
/// <remarks>The set is kept and shared between requests (decision 0020): what every page derives from it whole (the years to
/// filter on, the refusals by rule) is derived once per set, not per request (on the EU data set, 60 ms of each request).</remarks>
public sealed record OpenDataSet(IReadOnlyList<AidAward> Published, IReadOnlyList<NotPublished> Refused, int BelowThreshold)
{
    private IReadOnlyList<int>? _years;
    private IReadOnlyList<RuleRefusals>? _refusedByRule;

    /// <summary>The years with a published award, newest first.</summary>
    public IReadOnlyList<int> Years => _years ??= PublishedAwards.Years(Published);

    /// <summary>The refusals by rule code, most frequent first (of equal counts, the rule met first).</summary>
    public IReadOnlyList<RuleRefusals> RefusedByRule => _refusedByRule ??= Refused.GroupBy(r => r.Code).OrderByDescending(g => g.Count())
        .Select(g => new RuleRefusals(g.Key, g.Count(), g.Select(r => r.Name).Distinct().Take(RuleRefusals.ExampleCount).ToList())).ToList();

    /// <summary>
    /// The set as the store keeps it: the awards and the refusals by rule, without the refused lines themselves. The page
    /// shows no more than each rule's count and examples; at the EU size the 187,000 lines and the project titles they held
    /// were about a quarter of the product's live heap (decision 0020, "The sixth round").
    /// </summary>
    public OpenDataSet Kept() => new(Published, [], BelowThreshold) { _years = _years, _refusedByRule = RefusedByRule };
}

/// <summary>The lines left out under one rule: how many, and the first few distinct names (a cluster's or a project's) to look up.</summary>
public sealed record RuleRefusals(string Code, int Count, IReadOnlyList<string> Examples)
{
    public const int ExampleCount = 5;
}

public enum AwardSort { Date, Beneficiary, Amount, Region, Sector }

public sealed record AwardQuery(string? Search = null, int? Year = null, AidObjective? Objective = null, string? Region = null,
    AwardSort Sort = AwardSort.Date, bool Desc = true);

/// <summary>One support agreement with what the mapping needs: its cluster and its working years.</summary>
public sealed record AgreementSource(SupportAgreement Agreement, Cluster Cluster, IReadOnlyList<AgreementYear> Years);

/// <summary>
/// Of the register's organisation, what an award publishes: read as these columns alone (not the organisation with its
/// yearly size figures, which at the EU size were 24 s and most of the computation's memory).
/// </summary>
public sealed record AwardOrganisation(Guid Id, string Name, OrganisationKind Kind, string? EnterpriseNumber, SizeClass? SizeClass, string? NutsRegion, string? NaceCode)
{
    public static AwardOrganisation Of(Organisation o) => new(o.Id, o.Name, o.Kind, o.EnterpriseNumber, o.SizeClass, o.NutsRegion, o.NaceCode);
}

/// <summary>A decided project as the mapping reads it: its decision, its aid and its partners' budget shares.</summary>
public sealed record AwardProject(Guid Id, string Title, ProjectType Type, ProjectStatus Status, decimal Aid, DateOnly? DecidedOn, DateOnly Start, DateOnly End,
    IReadOnlyList<AwardPartner> Partners)
{
    /// <summary>The lead partner, as <see cref="Project.LeadOrganisationId"/> names it.</summary>
    public Guid? LeadOrganisationId => Partners.FirstOrDefault(p => p.Role == PartnerRole.Lead)?.OrganisationId;

    public static AwardProject Of(Project p) => new(p.Id, p.Title, p.Type, p.Status, p.Aid, p.DecidedOn, p.Start, p.End,
        p.Partners.Select(x => new AwardPartner(x.OrganisationId, x.Role, x.BudgetShare)).ToList());
}

public sealed record AwardPartner(Guid OrganisationId, PartnerRole Role, decimal BudgetShare);

/// <summary>The SA numbers and the refusal code for projects outside the cluster programme's measure.</summary>
public sealed record AidMeasures(string ClusterAid, string ProjectAid);

/// <summary>
/// The open data on aid awarded (issue 9, GBER art. 9(1)(c)), built from the register: each support agreement's
/// granted years are operating aid to the cluster organisation (art. 27), each decided collaboration or intercluster
/// project's aid is aid to its partners by budget share (art. 25). The domain checks every field, sums one granting
/// act and applies the threshold in force on the granting date; what fails is counted with its rule for the agency.
/// Only organisation fields reach an award (no contact person, e-mail or phone), and the privacy scan runs last.
/// The projection the open-data use cases share (<see cref="ListAidAwards"/>, <see cref="GetOpenDataPage"/>,
/// <see cref="ExportThreeSixtyGiving"/>); aggregation per granting act and the thresholds need every line, so the
/// awards are derived per request from the rows that can become one, never from the whole register.
/// </summary>
public sealed class PublishedAwards(ClusterpactDbContext db, IOptions<OpenDataOptions> options, TimeProvider clock, ILogger<PublishedAwards> log, ReadModelStore readModels)
{
    /// <summary>The data areas the awards are derived from (ReadModelTests checks them against the SQL of <see cref="ComputeAsync"/>).</summary>
    public static readonly IReadOnlyList<ReadModelArea> Reads =
        [ReadModelArea.Agreements, ReadModelArea.Clusters, ReadModelArea.EnterpriseRegister, ReadModelArea.Members, ReadModelArea.Projects];

    public const string AgreementSourceName = "Agreement";
    public const string ProjectSourceName = "Project";

    private static readonly ProjectStatus[] Decided = [ProjectStatus.Approved, ProjectStatus.Running, ProjectStatus.Completed];

    private static readonly System.Linq.Expressions.Expression<Func<Organisation, AwardOrganisation>> AwardColumns =
        o => new AwardOrganisation(o.Id, o.Name, o.Kind, o.EnterpriseNumber, o.SizeClass, o.NutsRegion, o.NaceCode);

    public DateOnly Today => clock.TodayInBrussels();

    public OpenDataOptions Options => options.Value;

    /// <summary>The awards and the refusals by rule, kept until a change of the data they rest on, or the next day (decision 0020).</summary>
    public async Task<OpenDataSet> BuildAsync(CancellationToken ct) => await KeptAsync(await readModels.ViewAsync(ct));

    /// <summary>The set and the published awards searched, filtered and sorted by <paramref name="query"/>, both kept under the same stamps.</summary>
    public async Task<(OpenDataSet Set, IReadOnlyList<AidAward> Awards)> ListAsync(AwardQuery query, CancellationToken ct)
    {
        var view = await readModels.ViewAsync(ct);
        var set = await KeptAsync(view);
        // The search compares names in the request's culture: the culture is part of the key.
        var awards = await view.GetAsync($"{nameof(PublishedAwards)}.{nameof(Filter)}", (query, CultureInfo.CurrentCulture.Name), Reads,
            async (services, t) => Filter((await services.GetRequiredService<PublishedAwards>().BuildAsync(t)).Published, query),
            a => ReadModelView.References(a.Count));
        return (set, awards);
    }

    private static Task<OpenDataSet> KeptAsync(ReadModelView view) =>
        view.GetAsync(nameof(PublishedAwards), null, Reads, async (services, t) => (await services.GetRequiredService<PublishedAwards>().ComputeAsync(t)).Kept(),
            s => s.Published.Count + s.RefusedByRule.Count);

    // Its queries stream their rows: a kept answer's computation runs as a whole under the retrying strategy
    // (ReadModelStore.RunAsync, decision 0020, "The fifth round").
    private async Task<OpenDataSet> ComputeAsync(CancellationToken ct)
    {
        // Only what can become an award: agreements with granted years, decided projects with aid, and of the register
        // the organisations these name (partners and leads by id, cluster organisations by enterprise number). What is
        // large at the EU size (900,000 partner shares, 400,000 organisations) is streamed into the builder, never held
        // as a list beside it (decision 0020, "The memory of a computation").
        var granted = db.AgreementYears.Where(y => y.GrantedAid > 0);
        var decided = db.Projects.Where(p => (p.Status == ProjectStatus.Approved || p.Status == ProjectStatus.Running || p.Status == ProjectStatus.Completed) && p.Aid > 0);
        // IN (subquery) rather than a correlated EXISTS per organisation: PostgreSQL makes it one hash semi-join
        // (5.4 s against 0.06 s on the 0.01 data set while the machine was loaded).
        var partners = decided.SelectMany(p => p.Partners.Select(x => x.OrganisationId));
        var clusterNumbers = db.Clusters.Where(c => c.EnterpriseNumber != null && db.SupportAgreements.Any(a => a.ClusterId == c.Id && granted.Any(y => y.AgreementId == a.Id)))
            .Select(c => c.EnterpriseNumber!);
        // Partners and cluster organisations in two queries, never one "IN (...) OR IN (...)": PostgreSQL turns the OR into a
        // subplan per organisation once the partner ids outgrow work_mem (the EU data set: 1,000,000 partner rows; the
        // open-data page ran for more than seven minutes), while each IN alone is one hash semi-join.
        var partnerOrganisations = db.Organisations.Where(o => partners.Contains(o.Id));
        var clusterOrganisations = db.Organisations.Where(o => o.EnterpriseNumber != null && clusterNumbers.Contains(o.EnterpriseNumber));
        // Sole traders as the official register knows them (issue 21): natural persons, whose names are not published.
        var naturalPersons = (await db.RegisterEnterprises.Where(e => e.IsNaturalPerson && partnerOrganisations.Select(o => o.EnterpriseNumber).Contains(e.EnterpriseNumber))
                .Select(e => e.EnterpriseNumber).ToListAsync(ct))
            .Concat(await db.RegisterEnterprises.Where(e => e.IsNaturalPerson && clusterNumbers.Contains(e.EnterpriseNumber)).Select(e => e.EnterpriseNumber).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var o = options.Value;
        var builder = new AwardBuilder(new AidMeasures(o.ClusterAidMeasure, o.ProjectAidMeasure), naturalPersons, clock.TodayInBrussels());
        await foreach (var organisation in partnerOrganisations.Select(AwardColumns).AsAsyncEnumerable().WithCancellation(ct))
            builder.Add(organisation);
        await foreach (var organisation in clusterOrganisations.Select(AwardColumns).AsAsyncEnumerable().WithCancellation(ct))
            builder.Add(organisation);

        var agreements = await db.SupportAgreements.AsNoTracking().Where(a => granted.Any(y => y.AgreementId == a.Id)).ToListAsync(ct);
        var clusters = await db.Clusters.AsNoTracking().Where(c => db.SupportAgreements.Any(a => a.ClusterId == c.Id && granted.Any(y => y.AgreementId == a.Id)))
            .ToDictionaryAsync(c => c.Id, ct);
        var years = (await granted.AsNoTracking().ToListAsync(ct)).ToLookup(y => y.AgreementId);
        foreach (var agreement in agreements.Where(a => clusters.ContainsKey(a.ClusterId)))
            builder.Add(new AgreementSource(agreement, clusters[agreement.ClusterId], years[agreement.Id].OrderBy(y => y.YearStart).ToList()));

        // The projects with their partners' shares as one stream in project order (a project without partners once, with
        // none), each project handed on when its last row has come: one project's rows in memory, not the 900,000 shares.
        AwardProject? project = null;
        var shares = new List<AwardPartner>();
        await foreach (var row in decided.SelectMany(p => p.Partners.DefaultIfEmpty(), (p, x) => new
                           {
                               p.Id, p.Title, p.Type, p.Status, p.Aid, p.DecidedOn, p.Start, p.End,
                               OrganisationId = (Guid?)x!.OrganisationId, Role = (PartnerRole?)x.Role, BudgetShare = (decimal?)x.BudgetShare,
                           })
                           .OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (project?.Id != row.Id)
            {
                AddProject();
                shares = [];
                project = new AwardProject(row.Id, row.Title, row.Type, row.Status, row.Aid, row.DecidedOn, row.Start, row.End, shares);
            }
            if (row.OrganisationId is { } partner)
                shares.Add(new AwardPartner(partner, row.Role!.Value, row.BudgetShare!.Value));
        }
        AddProject();

        var set = builder.Build(TransparencyRuleSet.Default);
        if (set.Refused.Count > 0)
            log.LogInformation("Open data: {Published} awards published, {Refused} lines not published ({Codes})", set.Published.Count, set.Refused.Count,
                string.Join(", ", set.RefusedByRule.Select(r => $"{r.Code}: {r.Count}")));
        return set;

        void AddProject()
        {
            if (project is null) return;
            // Partners in a fixed order: a rounding cent's fallback (the largest share) must not depend on the order the rows came in.
            shares.Sort((a, b) => a.OrganisationId.CompareTo(b.OrganisationId));
            builder.Add(project);
        }
    }

    /// <summary>
    /// The mapping itself, without the database: agreements and projects in, publishable awards and refusals out.
    /// <paramref name="naturalPersons"/>: the enterprise numbers the official register knows as natural persons (sole traders).
    /// </summary>
    public static OpenDataSet Build(IEnumerable<AgreementSource> agreements, IEnumerable<AwardProject> projects, IEnumerable<AwardOrganisation> organisations,
        AidMeasures measures, TransparencyRuleSet rules, DateOnly? today = null, IReadOnlySet<string>? naturalPersons = null)
    {
        var builder = new AwardBuilder(measures, naturalPersons ?? new HashSet<string>(StringComparer.Ordinal), today);
        foreach (var organisation in organisations)
            builder.Add(organisation);
        foreach (var source in agreements)
            builder.Add(source);
        foreach (var project in projects)
            builder.Add(project);
        return builder.Build(rules);
    }

    /// <summary>
    /// <see cref="Build"/> a piece at a time, so that a computation can stream its rows in: the register's organisations
    /// first (the first of an enterprise number is the one its cluster's awards name), then agreements and projects, each
    /// turned into its award lines as it comes and each line summed into its granting act at once (<see cref="GrantingActs{TLine}"/>):
    /// what is held is one small entry per act (the sum and the source of its first line), and an award's full record is
    /// made again only for the acts that are published, not for the 900,000 lines of the EU size (decision 0020, "The memory
    /// of a computation": the computation's peak fell by about 15%, the rest is not these lines).
    /// </summary>
    /// <param name="today">An award is published from its granting date on: a line granted later (an extension decided ahead) waits.</param>
    public sealed class AwardBuilder(AidMeasures measures, IReadOnlySet<string> naturalPersons, DateOnly? today)
    {
        private readonly Dictionary<Guid, AwardOrganisation> _byId = [];
        private readonly Dictionary<string, AwardOrganisation> _byNumber = new(StringComparer.Ordinal);
        // A line's source: an agreement's line is the award itself (45,000 at the EU size), a project's is a ProjectLine.
        private readonly GrantingActs<object> _granted = new(LineAward(measures, naturalPersons));
        private readonly GrantingActs<object> _waiting = new(LineAward(measures, naturalPersons));
        private readonly List<NotPublished> _refused = [];
        private readonly List<NotPublished> _notYetGranted = [];

        /// <summary>An organisation of the register (one already added under its id is left as it was).</summary>
        public void Add(AwardOrganisation organisation)
        {
            if (!_byId.TryAdd(organisation.Id, organisation)) return;
            if (organisation.EnterpriseNumber is { } number) _byNumber.TryAdd(number, organisation);
        }

        /// <summary>
        /// The working years of one agreement term were granted by that term's decision: they share its reference and
        /// its granting date (the term's start, the first day the right to the aid runs), so the domain sums them into
        /// one award. An extension is a new decision, a new award.
        /// </summary>
        public void Add(AgreementSource source)
        {
            var (agreement, cluster, years) = source;
            if (years.Count == 0) return;
            var organisation = cluster.EnterpriseNumber is { } number && _byNumber.TryGetValue(number, out var found) ? found : null;
            foreach (var year in years)
            {
                var termIndex = Math.Max(0, agreement.Terms.ToList().FindLastIndex(t => t.Start <= year.YearStart));
                var term = agreement.Terms[termIndex];
                if (organisation is null)
                {
                    _refused.Add(NotPublished.Agreement(agreement.Id, termIndex + 1, cluster.Name,
                        cluster.EnterpriseNumber is null ? "OpenData.ClusterNumberMissing" : "OpenData.ClusterNotInRegister"));
                    continue;
                }
                var termEnd = termIndex + 1 < agreement.Terms.Count ? agreement.Terms[termIndex + 1].Start.AddDays(-1) : agreement.End;
                var yearEnd = year.YearStart.AddYears(1).AddDays(-1);
                var grant = new AidGrant($"agreement-{agreement.Id:N}-{termIndex + 1}", $"Werkingssteun clusterorganisatie {cluster.Name} {term.Start.Year}-{termEnd.Year}", year.GrantedAid,
                    AidObjective.InnovationClusters, term.Start, measures.ClusterAid, PlannedStart: year.YearStart, PlannedEnd: yearEnd < termEnd ? yearEnd : termEnd);
                var award = AidAward.Create(Beneficiary(organisation, naturalPersons), grant);
                if (award.IsSuccess) AddLine(award.Value!, award.Value!);
                else _refused.Add(NotPublished.Agreement(agreement.Id, termIndex + 1, cluster.Name, award.Error!.Code));
            }
        }

        /// <summary>
        /// A project: a decided one with aid becomes award lines. Its aid goes to its partners in proportion to their
        /// budget shares (rounded to the cent, the rest to the lead), or wholly to the lead when no shares are recorded.
        /// Only collaboration and intercluster projects are granted under the cluster programme's measure; projects on
        /// regular or European instruments are published by those instruments (European funds under direct management
        /// are not State aid at all).
        /// </summary>
        public void Add(AwardProject project)
        {
            if (!Decided.Contains(project.Status) || project.Aid <= 0) return;
            if (!Project.DrawsOnEnvelope(project.Type))
            {
                _refused.Add(NotPublished.Project(project.Id, project.Title, project.Type == ProjectType.European ? "OpenData.EuropeanFunds" : "OpenData.OtherInstrument"));
                return;
            }
            if (project.DecidedOn is null)
            {
                _refused.Add(NotPublished.Project(project.Id, project.Title, "OpenData.DecisionDateUnknown"));
                return;
            }
            // What a line's source keeps of the project: not its partners' shares.
            var decided = project with { Partners = [] };
            foreach (var (organisationId, aid) in SplitAid(project))
            {
                if (!_byId.TryGetValue(organisationId, out var organisation))
                {
                    _refused.Add(NotPublished.Partner(project.Id, organisationId, project.Title, "OpenData.OrganisationUnknown"));
                    continue;
                }
                if (organisation is { Kind: OrganisationKind.KnowledgeInstitution, SizeClass: null })
                {
                    // Aid for a research organisation's non-economic activity is not State aid (R&D&I Framework 2022, 2.1.1):
                    // not published unless the agency classes it as an undertaking (a size override).
                    _refused.Add(NotPublished.Partner(project.Id, organisationId, project.Title, "OpenData.ResearchOrganisation"));
                    continue;
                }
                var line = new ProjectLine(decided, organisation, aid);
                var award = AidAward.Create(Beneficiary(organisation, naturalPersons), ProjectGrant(line, measures.ProjectAid));
                if (award.IsSuccess) AddLine(award.Value!, line);
                else _refused.Add(NotPublished.Partner(project.Id, organisationId, project.Title, award.Error!.Code));
            }
        }

        /// <summary>A line summed into its granting act; one granted after today waits (its act is granted or waits as a whole: its lines share the date).</summary>
        private void AddLine(AidAward line, object source)
        {
            if (today is not { } day || TransparencyRule.GrantedBy(line, day))
            {
                _granted.Add(line, source);
                return;
            }
            _waiting.Add(line, source);
            _notYetGranted.Add(NotPublished.Line(line.Objective == AidObjective.InnovationClusters ? AgreementSourceName : ProjectSourceName, line.Reference, line.Title, "OpenData.NotYetGranted"));
        }

        /// <summary>The awards to publish and the refusals, once every organisation, agreement and project is in.</summary>
        public OpenDataSet Build(TransparencyRuleSet rules)
        {
            // Only the acts whose sum must be published are made into awards.
            var publishable = rules.SelectAggregated(_granted.Awards(rules.MustPublish));
            var findings = OpenDataPrivacy.Check(publishable).Select(f => f.AwardReference).ToHashSet(StringComparer.Ordinal);
            var refused = _refused.Concat(_notYetGranted).ToList();
            foreach (var award in publishable.Where(a => findings.Contains(a.Reference)))
                refused.Add(NotPublished.Line(award.Objective == AidObjective.InnovationClusters ? AgreementSourceName : ProjectSourceName, award.Reference, award.Title, "OpenData.PersonalDataFound"));
            // The same reference with the same code once (an agreement's refused years of one term); by the parts, without writing references.
            var distinct = refused.Distinct().ToList();
            return new OpenDataSet(publishable.Where(a => !findings.Contains(a.Reference)).ToList(), distinct, _granted.Count + _waiting.Count - publishable.Count);
        }
    }

    /// <summary>One partner's line of a decided project: what its award is made from, without the reference and record of the award itself.</summary>
    private sealed record ProjectLine(AwardProject Project, AwardOrganisation Organisation, decimal Aid);

    private static string ProjectReference(AwardProject project, Guid organisationId) => $"project-{project.Id:N}-{organisationId:N}";

    private static AidGrant ProjectGrant(ProjectLine line, string measure) =>
        new(ProjectReference(line.Project, line.Organisation.Id), line.Project.Title, line.Aid, AidObjective.ResearchAndDevelopmentProjects, line.Project.DecidedOn!.Value, measure,
            PlannedStart: line.Project.Start, PlannedEnd: line.Project.End);

    /// <summary>A line's award from its source: an agreement's is the award, a project line's is made again (it was valid when it was added; the same inputs make the same award).</summary>
    private static Func<object, AidAward> LineAward(AidMeasures measures, IReadOnlySet<string> naturalPersons) =>
        source => source as AidAward ?? AidAward.Create(Beneficiary(((ProjectLine)source).Organisation, naturalPersons), ProjectGrant((ProjectLine)source, measures.ProjectAid)).Value!;

    /// <summary>Each partner's part of the project's aid by budget share, in cents, the rounding difference to the lead.</summary>
    public static IReadOnlyList<(Guid OrganisationId, decimal Aid)> SplitAid(AwardProject project)
    {
        var lead = project.LeadOrganisationId;
        var sharing = project.Partners.Where(p => p.BudgetShare > 0).ToList();
        var total = sharing.Sum(p => p.BudgetShare);
        if (total <= 0) return lead is { } only ? [(only, project.Aid)] : [];
        var parts = sharing.Select(p => (p.OrganisationId, Aid: decimal.Round(project.Aid * p.BudgetShare / total, 2, MidpointRounding.AwayFromZero))).ToList();
        var rest = project.Aid - parts.Sum(p => p.Aid);
        if (rest != 0)
        {
            var target = parts.FindIndex(p => p.OrganisationId == lead);
            if (target < 0) target = parts.IndexOf(parts.MaxBy(p => p.Aid));
            parts[target] = (parts[target].OrganisationId, parts[target].Aid + rest);
        }
        return parts.Where(p => p.Aid > 0).ToList();
    }

    /// <summary>An organisation is a legal entity unless the official register knows its number as a natural person.</summary>
    private static AidBeneficiary Beneficiary(AwardOrganisation o, IReadOnlySet<string> naturalPersons) =>
        new(o.Name, o.EnterpriseNumber, o.SizeClass, IsLegalEntity: o.EnterpriseNumber is not { } number || !naturalPersons.Contains(number), PostalCode: null, o.NutsRegion, o.NaceCode);

    /// <summary>Search on the beneficiary's name or enterprise number (in any typed form), the filters, then the sort.</summary>
    public static IReadOnlyList<AidAward> Filter(IEnumerable<AidAward> awards, AwardQuery q)
    {
        var result = awards;
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var text = q.Search.Trim();
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            result = result.Where(a => a.BeneficiaryName.Contains(text, StringComparison.CurrentCultureIgnoreCase)
                || (digits.Length >= 3 && a.BeneficiaryId.Digits.Contains(digits.Length == 9 ? "0" + digits : digits, StringComparison.Ordinal)));
        }
        if (q.Year is { } year) result = result.Where(a => a.GrantedOn.Year == year);
        if (q.Objective is { } objective) result = result.Where(a => a.Objective == objective);
        if (!string.IsNullOrWhiteSpace(q.Region)) result = result.Where(a => a.NutsRegion == q.Region.Trim().ToUpperInvariant());
        Func<AidAward, object> key = q.Sort switch
        {
            AwardSort.Beneficiary => a => a.BeneficiaryName,
            AwardSort.Amount => a => a.AidElementEur,
            AwardSort.Region => a => a.NutsRegion,
            AwardSort.Sector => a => a.Sector,
            _ => a => a.GrantedOn,
        };
        var sorted = q.Desc ? result.OrderByDescending(key) : result.OrderBy(key);
        return sorted.ThenBy(a => a.BeneficiaryName, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Reference, StringComparer.Ordinal).ToList();
    }

    /// <summary>The years that have published awards, newest first, for the year filter.</summary>
    public static IReadOnlyList<int> Years(IEnumerable<AidAward> awards) => awards.Select(a => a.GrantedOn.Year).Distinct().OrderDescending().ToList();
}
