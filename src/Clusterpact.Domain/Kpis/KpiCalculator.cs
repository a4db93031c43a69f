namespace Clusterpact.Domain.Kpis;

/// <summary>The data the computed KPIs are computed from.</summary>
public sealed record KpiInputs(IReadOnlyList<MembershipPeriod> Memberships, IReadOnlyDictionary<Guid, OrganisationFacts> Organisations, IReadOnlyList<ProjectFacts> Projects);

/// <summary>
/// Computes the computed KPIs for one cluster or for the programme in one year. For the programme an organisation in
/// two clusters counts once and an intercluster project counts once (<see cref="MemberFigures"/>, <see cref="ProjectFigures"/>).
/// </summary>
public static class KpiCalculator
{
    /// <summary>
    /// The KPI at the end of the year, or for a year not over yet up to <paramref name="through"/> (year to date): members
    /// on that day, new members and projects started from 1 January to that day.
    /// </summary>
    public static decimal? Compute(string code, int year, KpiInputs inputs, Guid? clusterId = null, DateOnly? through = null)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        if (through is { } t && t < yearEnd)
        {
            yearEnd = t;
            inputs = inputs with { Memberships = inputs.Memberships.Where(m => m.From <= t).ToList(), Projects = inputs.Projects.Where(p => p.Start <= t).ToList() };
        }
        return code switch
        {
            KpiCatalogue.Members => MemberFigures.On(yearEnd, inputs.Memberships, inputs.Organisations, clusterId).Members,
            KpiCatalogue.NewMembers => MemberFigures.NewMembersIn(year, inputs.Memberships, clusterId),
            KpiCatalogue.SmeShare => MemberFigures.On(yearEnd, inputs.Memberships, inputs.Organisations, clusterId).SmeShare,
            KpiCatalogue.InternationalShare => MemberFigures.On(yearEnd, inputs.Memberships, inputs.Organisations, clusterId).InternationalShare,
            KpiCatalogue.CollaborationProjects => ProjectFigures.Totals(inputs.Projects, year, clusterId).ThreeCompanyProjects,
            KpiCatalogue.ProjectFunding => ProjectFigures.Totals(inputs.Projects, year, clusterId).FundingMobilised,
            _ => null,
        };
    }

    /// <summary>
    /// Combines reported values of several clusters for the programme by the KPI's rule: a sum, an average of the
    /// clusters that reported, or (over years) the latest. Clusters without a value are left out, not counted as zero.
    /// </summary>
    public static decimal? Aggregate(KpiDefinition kpi, IEnumerable<decimal?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (known.Count == 0) return null;
        return kpi.Aggregation switch
        {
            KpiAggregation.Sum => known.Sum(),
            KpiAggregation.Average => Math.Round(known.Average(), 4),
            _ => known[^1],
        };
    }
}
