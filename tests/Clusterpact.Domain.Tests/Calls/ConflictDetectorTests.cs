using static Clusterpact.Domain.Tests.Calls.CallFixtures;

namespace Clusterpact.Domain.Tests.Calls;

public sealed class ConflictDetectorTests
{
    private static readonly string[] Consortium = [MemberA, MemberB];

    [Fact]
    public void The_experts_organisation_among_the_consortium_members_is_flagged()
    {
        var flags = ConflictDetector.Detect(MemberB, Other1, Applicant, Consortium);
        Assert.Equal([new ConflictFlag(ConflictReason.OrganisationIsConsortiumMember, MemberB)], flags);
    }

    [Fact]
    public void The_experts_employer_being_the_applicant_is_flagged()
    {
        var flags = ConflictDetector.Detect(Other1, Applicant, Applicant, Consortium);
        Assert.Equal([new ConflictFlag(ConflictReason.EmployerIsApplicant, Applicant)], flags);
    }

    [Fact]
    public void The_same_links_the_other_way_round_are_flagged_too()
    {
        Assert.Equal([new ConflictFlag(ConflictReason.OrganisationIsApplicant, Applicant)], ConflictDetector.Detect(Applicant, null, Applicant, Consortium));
        Assert.Equal([new ConflictFlag(ConflictReason.EmployerIsConsortiumMember, MemberA)], ConflictDetector.Detect(null, MemberA, Applicant, Consortium));
    }

    [Fact]
    public void Numbers_are_compared_whatever_way_they_are_written()
    {
        // "BE 0300.000.016" is MemberB; "403170701" is the applicant in the old 9-digit form.
        var flags = ConflictDetector.Detect("BE 0300.000.016", "403170701", "0403.170.701", ["0200000043", "BE0300000016"]);
        Assert.Equal([ConflictReason.OrganisationIsConsortiumMember, ConflictReason.EmployerIsApplicant], flags.Select(f => f.Reason));
        Assert.Equal([MemberB, Applicant], flags.Select(f => f.EnterpriseNumber));
    }

    [Fact]
    public void Every_link_at_once_is_every_flag()
    {
        // An expert who works for and owns the applicant, which also lists itself among the committed members.
        var flags = ConflictDetector.Detect(Applicant, Applicant, Applicant, [MemberA, Applicant]);
        Assert.Equal(4, flags.Count);
        Assert.Equal(Enum.GetValues<ConflictReason>().Order(), flags.Select(f => f.Reason).Order());
    }

    [Theory]
    [InlineData(Other1, Other2)]           // unrelated organisation and employer
    [InlineData(null, null)]               // nothing known about the expert
    [InlineData("", " ")]                  // blanks match nothing, not each other
    [InlineData("0403170702", "0200000044")] // mistyped near-misses of the applicant and a member (wrong check digits)
    [InlineData(Other1, null)]
    public void No_flag_without_a_real_link(string? organisation, string? employer) =>
        Assert.Empty(ConflictDetector.Detect(organisation, employer, Applicant, Consortium));

    [Fact]
    public void No_flag_when_the_applicant_or_the_consortium_is_unknown_or_blank()
    {
        Assert.Empty(ConflictDetector.Detect(null, null, null, [null, "", " "]));
        Assert.Empty(ConflictDetector.Detect("", "", "", [""]));
        // The expert's employer being a member is not the same as being the applicant, and vice versa.
        Assert.DoesNotContain(ConflictDetector.Detect(null, MemberA, Applicant, Consortium), f => f.Reason == ConflictReason.EmployerIsApplicant);
        Assert.DoesNotContain(ConflictDetector.Detect(Applicant, null, Applicant, Consortium), f => f.Reason == ConflictReason.OrganisationIsConsortiumMember);
    }
}
