namespace Clusterpact.Domain.Budget;

/// <summary>
/// A cluster as it is funded today, the starting point of every scenario: its yearly operating aid and earmarked envelope
/// and the term it runs in (the support agreement up to the 10-year limit, see <c>SupportAgreement.LastAllowedDay</c>).
/// </summary>
public sealed record CurrentCluster(Guid ClusterId, string Name, ClusterType Type, decimal OperatingAidPerYear, decimal EarmarkedPerYear,
    DateOnly? TermEnd, DateOnly? TermStart = null);

/// <summary>
/// The default parameters of each green-paper scenario (seed 004), built from the clusters funded today. The green paper names
/// no amounts for what comes after the terms; where it is silent the defaults keep today's amounts, so that the scenarios
/// differ in what they keep and drop rather than in guesses. Every default is a parameter the user can change.
/// <para>Assumptions common to all four scenarios:</para>
/// <list type="bullet">
/// <item>Running terms are honoured: each cluster keeps its operating aid and earmarked envelope until its term ends (support
/// agreements are binding; the green paper is about what follows the 10-year limit: "Na 10 jaar financiering ... staat
/// Vlaanderen voor een vernieuwde aanpak"). A cluster stopped earlier is modelled by moving its term end.</item>
/// <item>The scenarios concern the spearhead clusters. Innovative business networks and ad-hoc clusters run to the end of
/// their term and do not continue in any scenario (a network has one term of at most 3 years).</item>
/// <item>The intercluster pool is the amount given for every projection year in which it runs.</item>
/// </list>
/// </summary>
public static class ScenarioDefaults
{
    public const string InterclusterPoolLabel = "Intercluster projects pool";
    public const string AdHocAssignmentsLabel = "Ad-hoc assignments";
    public const string TransformationProgrammeLabel = "Systemic transformation programme";

    /// <summary>The scenario's name when none is given.</summary>
    public static string DefaultName(GreenPaperScenario basis) => basis switch
    {
        GreenPaperScenario.CommercialWithoutStructuralFunding => "1. Commercial organisations without structural funding",
        GreenPaperScenario.EmbeddedInResearchCentres => "2. Embedded in research centres",
        GreenPaperScenario.BasicMissionWithEarmarkedFunds => "3. Basic mission with earmarked funds",
        GreenPaperScenario.SystemicTransformationProgramme => "4. New programme for systemic transformations",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Not a green-paper scenario."),
    };

    /// <summary>
    /// The default parameters of <paramref name="basis"/>:
    /// <list type="number">
    /// <item><b>Commercial organisations without structural funding.</b> After its term a spearhead cluster receives nothing
    /// structural (does not continue). An "Ad-hoc assignments" line with zero in every year stands for the specific assignments the
    /// seed allows; it names no amount. The seed says earmarked funds "may be considered": they are off by default (switch a
    /// cluster to continue with only follow-on earmarked funds to consider them). The intercluster pool runs while at least one
    /// spearhead cluster's term runs in the year, then stops (no structurally funded clusters are left to work together).</item>
    /// <item><b>Embedded in research centres (SOCs).</b> After its term a spearhead cluster continues as work inside a research
    /// centre, funded at today's operating aid (the seed names no amount; the steering indicators cost nothing in this budget).
    /// The seed names no earmarked funds: none after the term. The intercluster pool stops as in scenario 1.</item>
    /// <item><b>Basic mission with earmarked funds</b> (VARIO's preference, seed 000). After its term a spearhead cluster continues
    /// with a basic mission at today's operating aid and keeps today's earmarked envelope (the seed: "naast de financiering van de
    /// basisopdracht ook geoormerkte middelen"). The intercluster pool runs the whole period.</item>
    /// <item><b>New programme for systemic transformations.</b> The spearhead clusters do not continue after their terms; the
    /// money their ending terms free (operating aid plus earmarked envelope, pro rata per day exactly as the cluster lines
    /// compute it) goes to a "Systemic transformation programme" line in the same year, so the scenario is budget-neutral against
    /// scenario 3's cluster funding. The intercluster pool stops as in scenario 1 (the new programme takes over).</item>
    /// </list>
    /// </summary>
    public static BudgetScenario For(GreenPaperScenario basis, int firstYear, int lastYear, IEnumerable<CurrentCluster> clusters,
        decimal interclusterPoolPerYear, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var current = clusters.ToList();
        var years = Enumerable.Range(firstYear, Math.Max(0, lastYear - firstYear + 1)).ToList();

        var lines = current.Select(c => Line(basis, c)).ToList();
        var programme = new List<ProgrammeLine>();
        switch (basis)
        {
            case GreenPaperScenario.CommercialWithoutStructuralFunding:
                programme.Add(Pool(interclusterPoolPerYear, years, current, untilLastTerm: true));
                programme.Add(new ProgrammeLine(ProgrammeLineKind.AdHocAssignments, AdHocAssignmentsLabel, years.ToDictionary(y => y, _ => 0m)));
                break;
            case GreenPaperScenario.EmbeddedInResearchCentres:
                programme.Add(Pool(interclusterPoolPerYear, years, current, untilLastTerm: true));
                break;
            case GreenPaperScenario.BasicMissionWithEarmarkedFunds:
                programme.Add(Pool(interclusterPoolPerYear, years, current, untilLastTerm: false));
                break;
            case GreenPaperScenario.SystemicTransformationProgramme:
                programme.Add(Pool(interclusterPoolPerYear, years, current, untilLastTerm: true));
                programme.Add(new ProgrammeLine(ProgrammeLineKind.TransformationProgramme, TransformationProgrammeLabel,
                    years.ToDictionary(y => y, y => current.Where(IsSpearhead).Sum(c => FreedBy(c, y)))));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(basis), basis, "Not a green-paper scenario.");
        }

        return new BudgetScenario(string.IsNullOrWhiteSpace(name) ? DefaultName(basis) : name.Trim(), basis, firstYear, lastYear, lines, programme);
    }

    /// <summary>All four scenarios from the same clusters and pool, in the green paper's order (scenario 1 first, the baseline of a comparison).</summary>
    public static IReadOnlyList<BudgetScenario> All(int firstYear, int lastYear, IEnumerable<CurrentCluster> clusters, decimal interclusterPoolPerYear)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var current = clusters.ToList();
        return Enum.GetValues<GreenPaperScenario>().Select(b => For(b, firstYear, lastYear, current, interclusterPoolPerYear)).ToList();
    }

    private static bool IsSpearhead(CurrentCluster c) => c.Type == ClusterType.SpearheadCluster;

    private static ClusterBudgetLine Line(GreenPaperScenario basis, CurrentCluster c)
    {
        var spearhead = IsSpearhead(c);
        var (continues, followOn, followOnEarmarked) = basis switch
        {
            GreenPaperScenario.EmbeddedInResearchCentres when spearhead => (true, c.OperatingAidPerYear, 0m),
            GreenPaperScenario.BasicMissionWithEarmarkedFunds when spearhead => (true, c.OperatingAidPerYear, c.EarmarkedPerYear),
            _ => (false, 0m, 0m),
        };
        return new ClusterBudgetLine
        {
            ClusterId = c.ClusterId, Name = c.Name, Type = c.Type, OperatingAidPerYear = c.OperatingAidPerYear, EarmarkedPerYear = c.EarmarkedPerYear,
            TermStart = c.TermStart, TermEnd = c.TermEnd, ContinuesAfterTerm = continues, FollowOnFundingPerYear = followOn,
            FollowOnEarmarkedPerYear = followOnEarmarked,
        };
    }

    /// <summary>The pool in every year, or only in the years in which at least one spearhead cluster's term runs on some day.</summary>
    private static ProgrammeLine Pool(decimal perYear, List<int> years, List<CurrentCluster> clusters, bool untilLastTerm) =>
        new(ProgrammeLineKind.InterclusterPool, InterclusterPoolLabel, years.ToDictionary(y => y,
            y => !untilLastTerm || clusters.Where(IsSpearhead).Any(c => ProRata.DaysIn(y, c.TermStart, c.TermEnd) > 0) ? perYear : 0m));

    /// <summary>What a spearhead cluster would have received in the year after its term ends, had it continued at today's level.</summary>
    private static decimal FreedBy(CurrentCluster c, int year)
    {
        if (c.TermEnd is not { } end || end == DateOnly.MaxValue) return 0m;
        var afterDays = ProRata.DaysIn(year, end.AddDays(1), null);
        return ProRata.Share(c.OperatingAidPerYear, afterDays, year) + ProRata.Share(c.EarmarkedPerYear, afterDays, year);
    }
}

/// <summary>A cluster's funding as the agreements give it today: the agreement's end, the 10-year last day and this year's aid.</summary>
public sealed record FundedCluster(Guid ClusterId, string Name, ClusterType Type, DateOnly? AgreementEnd, DateOnly? LastAllowedDay, decimal GrantedThisYear);

/// <summary>An earmarked envelope or the intercluster pool of a year.</summary>
public sealed record EnvelopeAmount(Projects.EnvelopeKind Kind, Guid? ClusterId, int Year, decimal Amount);

/// <summary>The clusters a new scenario starts from, and this year's intercluster pool: one rule for the planner and the demo.</summary>
public static class CurrentClusters
{
    /// <summary>
    /// The clusters whose agreement runs today or later: their aid granted for this year's working year (the funding rule's
    /// yearly maximum when none was entered), their latest earmarked envelope up to this year (spearhead clusters only) and
    /// their term up to the 10-year last day (the agreement's end when no rule applies). The pool is the latest pool
    /// envelope up to this year.
    /// </summary>
    public static (IReadOnlyList<CurrentCluster> Clusters, decimal InterclusterPool) From(IEnumerable<FundedCluster> clusters, IReadOnlyCollection<EnvelopeAmount> envelopes,
        Funding.FundingRuleSet rules, DateOnly today)
    {
        decimal Latest(Projects.EnvelopeKind kind, Guid? clusterId) =>
            envelopes.Where(e => e.Kind == kind && e.ClusterId == clusterId && e.Year <= today.Year).OrderByDescending(e => e.Year).FirstOrDefault()?.Amount ?? 0m;
        var current = clusters.Where(c => c.AgreementEnd >= today).Select(c => new CurrentCluster(c.ClusterId, c.Name, c.Type,
            c.GrantedThisYear > 0 ? c.GrantedThisYear : rules.InForce(c.Type, today)?.MaxYearlyOperatingAid ?? 0m,
            c.Type == ClusterType.SpearheadCluster ? Latest(Projects.EnvelopeKind.ClusterEarmarked, c.ClusterId) : 0m,
            c.LastAllowedDay ?? c.AgreementEnd)).ToList();
        return (current, Latest(Projects.EnvelopeKind.InterclusterPool, null));
    }
}
