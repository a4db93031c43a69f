namespace Clusterpact.Domain.Members;

/// <summary>A membership as the figures see it.</summary>
public sealed record MembershipPeriod(Guid OrganisationId, Guid ClusterId, DateOnly From, DateOnly? Until)
{
    public bool IsActiveOn(DateOnly date) => From <= date && (Until is null || date <= Until);
}

/// <summary>What the figures need to know about an organisation.</summary>
public sealed record OrganisationFacts(Guid Id, OrganisationKind Kind, SizeClass? Size, bool InternationallyActive);

/// <summary>Member figures on a date, for one cluster or for the programme.</summary>
/// <param name="Members">Organisations with an active membership on the date, each counted once.</param>
/// <param name="Companies">Of those, companies.</param>
/// <param name="CompaniesWithKnownSize">Companies whose size class is known: the denominator of the SME shares.</param>
/// <param name="SmeCompanies">Micro, small and medium companies.</param>
/// <param name="SmallCompanies">Micro and small companies ("kleine ondernemingen", IBN KPI in seed 001).</param>
/// <param name="InternationallyActiveCompanies">Companies that are internationally active (denominator: companies).</param>
/// <param name="KnowledgeInstitutions">Universities and research centres among the members.</param>
public sealed record MemberFiguresOn(DateOnly Date, int Members, int Companies, int CompaniesWithKnownSize, int SmeCompanies, int SmallCompanies,
    int InternationallyActiveCompanies, int KnowledgeInstitutions)
{
    public decimal? SmeShare => Share(SmeCompanies, CompaniesWithKnownSize);
    public decimal? SmallShare => Share(SmallCompanies, CompaniesWithKnownSize);
    public decimal? InternationalShare => Share(InternationallyActiveCompanies, Companies);

    private static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}

/// <summary>
/// The member figures the KPIs use (seed 001: members, new members, SME share, share of small enterprises, share
/// internationally active, knowledge institutions, growth). For the programme an organisation that is a member
/// of several clusters counts once.
/// </summary>
public static class MemberFigures
{
    /// <param name="clusterId">One cluster, or null for the programme (all clusters, each organisation once).</param>
    public static MemberFiguresOn On(DateOnly date, IEnumerable<MembershipPeriod> memberships, IReadOnlyDictionary<Guid, OrganisationFacts> organisations, Guid? clusterId = null)
    {
        var members = memberships.Where(m => (clusterId is null || m.ClusterId == clusterId) && m.IsActiveOn(date))
            .Select(m => m.OrganisationId).Distinct()
            .Select(id => organisations[id]).ToList();
        var companies = members.Where(o => o.Kind == OrganisationKind.Company).ToList();
        var known = companies.Where(o => o.Size is not null).ToList();
        return new MemberFiguresOn(date, members.Count, companies.Count, known.Count,
            known.Count(o => o.Size is SizeClass.Micro or SizeClass.Small or SizeClass.Medium),
            known.Count(o => o.Size is SizeClass.Micro or SizeClass.Small),
            companies.Count(o => o.InternationallyActive),
            members.Count(o => o.Kind == OrganisationKind.KnowledgeInstitution));
    }

    /// <summary>
    /// Organisations whose first membership (of this cluster; for the programme, of any cluster) starts in the year.
    /// Someone who leaves and comes back is not new again.
    /// </summary>
    public static int NewMembersIn(int year, IEnumerable<MembershipPeriod> memberships, Guid? clusterId = null) =>
        memberships.Where(m => clusterId is null || m.ClusterId == clusterId)
            .GroupBy(m => m.OrganisationId)
            .Count(g => g.Min(m => m.From).Year == year);

    /// <summary>Growth in members from the end of the previous year to the end of this one; null when there were none before.</summary>
    public static decimal? GrowthIn(int year, IEnumerable<MembershipPeriod> memberships, Guid? clusterId = null)
    {
        var list = memberships as IReadOnlyCollection<MembershipPeriod> ?? memberships.ToList();
        var before = CountOn(new DateOnly(year - 1, 12, 31), list, clusterId);
        var after = CountOn(new DateOnly(year, 12, 31), list, clusterId);
        return before == 0 ? null : Math.Round((decimal)(after - before) / before, 4);
    }

    private static int CountOn(DateOnly date, IEnumerable<MembershipPeriod> memberships, Guid? clusterId) =>
        memberships.Where(m => (clusterId is null || m.ClusterId == clusterId) && m.IsActiveOn(date)).Select(m => m.OrganisationId).Distinct().Count();
}
