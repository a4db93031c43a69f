namespace Clusterpact.Domain.Tests.Members;

/// <summary>A small hand-made register whose answers are worked out in each test.</summary>
public sealed class MemberFiguresTests
{
    private static readonly Guid ClusterA = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid ClusterB = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Micro = Id(1), Small = Id(2), Medium = Id(3), Large = Id(4), Unknown = Id(5), University = Id(6), Leaver = Id(7), Returner = Id(8);

    private static Guid Id(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:D12}");
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly Dictionary<Guid, OrganisationFacts> Orgs = new()
    {
        [Micro] = new(Micro, OrganisationKind.Company, SizeClass.Micro, false),
        [Small] = new(Small, OrganisationKind.Company, SizeClass.Small, true),
        [Medium] = new(Medium, OrganisationKind.Company, SizeClass.Medium, true),
        [Large] = new(Large, OrganisationKind.Company, SizeClass.Large, true),
        [Unknown] = new(Unknown, OrganisationKind.Company, null, false),
        [University] = new(University, OrganisationKind.KnowledgeInstitution, null, true),
        [Leaver] = new(Leaver, OrganisationKind.Company, SizeClass.Small, false),
        [Returner] = new(Returner, OrganisationKind.Company, SizeClass.Micro, false),
    };

    private static readonly MembershipPeriod[] Memberships =
    [
        new(Micro, ClusterA, D(2018, 1, 1), null),
        new(Small, ClusterA, D(2018, 6, 1), null),
        new(Small, ClusterB, D(2019, 3, 1), null),        // in two clusters
        new(Medium, ClusterB, D(2019, 1, 1), null),
        new(Large, ClusterA, D(2019, 2, 1), null),
        new(Large, ClusterB, D(2019, 2, 1), null),         // in two clusters
        new(Unknown, ClusterA, D(2019, 5, 1), null),
        new(University, ClusterA, D(2018, 1, 1), null),
        new(Leaver, ClusterA, D(2018, 1, 1), D(2019, 6, 30)),
        new(Returner, ClusterB, D(2018, 4, 1), D(2018, 12, 31)),
        new(Returner, ClusterB, D(2019, 9, 1), null),      // leaves and comes back
    ];

    [Fact]
    public void Figures_for_one_cluster_on_a_date()
    {
        // Cluster A on 31-12-2019: Micro, Small, Large, Unknown, University (Leaver left 30-06-2019) = 5 members.
        var f = MemberFigures.On(D(2019, 12, 31), Memberships, Orgs, ClusterA);
        Assert.Equal(5, f.Members);
        Assert.Equal(4, f.Companies);                 // Micro, Small, Large, Unknown
        Assert.Equal(3, f.CompaniesWithKnownSize);    // Unknown has no size
        Assert.Equal(2, f.SmeCompanies);              // Micro, Small
        Assert.Equal(2, f.SmallCompanies);
        Assert.Equal(0.6667m, f.SmeShare);            // 2 / 3
        Assert.Equal(2, f.InternationallyActiveCompanies); // Small, Large
        Assert.Equal(0.5m, f.InternationalShare);     // 2 / 4 companies
        Assert.Equal(1, f.KnowledgeInstitutions);
    }

    [Fact]
    public void The_programme_counts_an_organisation_in_two_clusters_once()
    {
        // On 31-12-2019: A has 5, B has Small, Medium, Large, Returner = 4; Small and Large are in both: 5 + 4 - 2 = 7.
        var a = MemberFigures.On(D(2019, 12, 31), Memberships, Orgs, ClusterA).Members;
        var b = MemberFigures.On(D(2019, 12, 31), Memberships, Orgs, ClusterB).Members;
        var programme = MemberFigures.On(D(2019, 12, 31), Memberships, Orgs);
        Assert.Equal((5, 4, 7), (a, b, programme.Members));
        Assert.Equal(4, programme.SmeCompanies);      // Micro, Small, Medium, Returner
        Assert.Equal(5, programme.CompaniesWithKnownSize);
        Assert.Equal(0.8m, programme.SmeShare);       // 4 / 5, as the seeds' "about 80% SMEs"
        Assert.Equal(3, programme.SmallCompanies);    // Micro, Small, Returner
    }

    [Fact]
    public void Membership_counts_on_its_first_and_last_day_not_after()
    {
        Assert.Equal(1, MemberFigures.On(D(2019, 6, 30), [Memberships[8]], Orgs).Members);
        Assert.Equal(0, MemberFigures.On(D(2019, 7, 1), [Memberships[8]], Orgs).Members);
        Assert.Equal(0, MemberFigures.On(D(2017, 12, 31), [Memberships[8]], Orgs).Members);
    }

    [Fact]
    public void New_members_are_counted_in_the_year_of_their_first_membership()
    {
        // Cluster B: Small (2019), Medium (2019), Large (2019), Returner first in 2018 -> 2019 has 3 new, 2018 has 1.
        Assert.Equal(3, MemberFigures.NewMembersIn(2019, Memberships, ClusterB));
        Assert.Equal(1, MemberFigures.NewMembersIn(2018, Memberships, ClusterB));
        // Programme: first membership anywhere. 2018: Micro, Small, University, Leaver, Returner = 5; 2019: Medium, Large, Unknown = 3.
        Assert.Equal(5, MemberFigures.NewMembersIn(2018, Memberships));
        Assert.Equal(3, MemberFigures.NewMembersIn(2019, Memberships));
    }

    [Fact]
    public void Growth_compares_the_ends_of_two_years()
    {
        // Programme end 2018: Micro, Small, University, Leaver, Returner (until 31-12-2018) = 5; end 2019: 7 -> +40%.
        Assert.Equal(0.4m, MemberFigures.GrowthIn(2019, Memberships));
        Assert.Null(MemberFigures.GrowthIn(2018, Memberships)); // nobody at the end of 2017
        Assert.Null(MemberFigures.On(D(2010, 1, 1), Memberships, Orgs).SmeShare);
    }
}
