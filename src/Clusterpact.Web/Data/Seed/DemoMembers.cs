namespace Clusterpact.Web.Data.Seed;

/// <summary>The demo's register: organisations, their memberships of the clusters, and what the KBO would say of them.</summary>
internal static class DemoMembers
{
    /// <summary>
    /// Member organisations and memberships of every cluster (companies with synthetic names, the knowledge institutions,
    /// some companies in more than one cluster), each cluster organisation in the register, a sector and region for every
    /// Belgian organisation, and a contact per membership.
    /// </summary>
    public static (List<Organisation>, List<Membership>) Build(List<Cluster> clusters, Random rng, Random clusterOrganisations, Random activity, DateOnly today)
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
        organisations.AddRange(ClusterOrganisations(clusters, clusterOrganisations));
        DescribeActivity(organisations, activity);
        // Every member has a contact for its cluster, so a member survey can be sent in the demo (the outbox keeps the mails).
        var slugs = organisations.ToDictionary(o => o.Id, o => new string(o.Name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()));
        foreach (var m in memberships) m.SetContact($"contact@{slugs[m.OrganisationId]}.demo");
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
    internal static string NextEnterpriseNumber(Random rng)
    {
        var body = rng.Next(2_000_000, 9_999_999);
        var check = 97 - (body % 97);
        return "0" + body.ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + check.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }

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
