using static Clusterpact.Domain.Tests.OpenData.OpenDataFixtures;

namespace Clusterpact.Domain.Tests.OpenData;

public sealed class AidAwardTests
{
    [Fact]
    public void A_cluster_organisations_operating_aid_carries_every_Annex_III_field()
    {
        var award = AidAward.Create(Beneficiary(postalCode: "9052"), Grant()).Value!;

        Assert.Equal("Catalisti vzw", award.BeneficiaryName);
        Assert.Equal("0403.170.701", award.FormattedBeneficiaryId);
        Assert.Equal(BeneficiaryType.Sme, award.BeneficiaryType);
        Assert.Equal("BE23", award.NutsRegion);
        Assert.Equal("94.9", award.Sector);
        Assert.Equal(1_500_000m, award.AidElementEur);
        Assert.Equal(AidInstrument.Grant, award.Instrument);
        Assert.Equal("Aid for innovation clusters (GBER art. 27)", award.ObjectiveLabel);
        Assert.Equal(new DateOnly(2024, 3, 1), award.GrantedOn);
        Assert.Equal("Agentschap Innoveren & Ondernemen (VLAIO)", award.GrantingAuthority);
        Assert.Equal("SA.12345", award.AidMeasureReference);
    }

    [Fact]
    public void Project_aid_names_article_25()
    {
        var award = AidAward.Create(Beneficiary(), Grant(objective: AidObjective.ResearchAndDevelopmentProjects)).Value!;
        Assert.Equal("Aid for research and development projects (GBER art. 25)", award.ObjectiveLabel);
    }

    [Theory]
    [InlineData("403170701", "0403.170.701")]
    [InlineData("BE 0403 170 701", "0403.170.701")]
    [InlineData("0403170701", "0403.170.701")]
    public void The_identifier_is_published_in_the_KBO_form(string typed, string published)
    {
        Assert.Equal(published, AidAward.Create(Beneficiary(number: typed), Grant()).Value!.FormattedBeneficiaryId);
    }

    [Fact]
    public void A_number_starting_with_1_keeps_its_form()
    {
        var number = Kbo(10_000_000);
        Assert.Equal($"{number[..4]}.{number[4..7]}.{number[7..]}", AidAward.Create(Beneficiary(number: number), Grant()).Value!.FormattedBeneficiaryId);
        Assert.StartsWith("1000.000.", AidAward.Create(Beneficiary(number: number), Grant()).Value!.FormattedBeneficiaryId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SizeClass.Micro, BeneficiaryType.Sme)]
    [InlineData(SizeClass.Small, BeneficiaryType.Sme)]
    [InlineData(SizeClass.Medium, BeneficiaryType.Sme)]
    [InlineData(SizeClass.Large, BeneficiaryType.Large)]
    public void Micro_small_and_medium_are_published_as_SME(SizeClass size, BeneficiaryType type)
    {
        Assert.Equal(type, AidAward.Create(Beneficiary(size: size), Grant()).Value!.BeneficiaryType);
    }

    [Fact]
    public void The_registered_NUTS_code_is_used_when_there_is_no_postal_code_and_must_agree_when_there_is()
    {
        Assert.Equal("BE24", AidAward.Create(Beneficiary(postalCode: null, nuts: "BE241"), Grant()).Value!.NutsRegion);
        Assert.Equal("BE24", AidAward.Create(Beneficiary(postalCode: "3001", nuts: "BE24"), Grant()).Value!.NutsRegion);
        Assert.Equal("AidAward.RegionMismatch", AidAward.Create(Beneficiary(postalCode: "9000", nuts: "BE21"), Grant()).Error!.Code);
    }

    public static TheoryData<AidBeneficiary, AidGrant, string> Refusals() => new()
    {
        { Beneficiary(legalEntity: false), Grant(), "AidAward.NaturalPerson" },
        { Beneficiary(name: "  "), Grant(), "AidAward.NameRequired" },
        { Beneficiary(number: "0403.170.702"), Grant(), "AidAward.EnterpriseNumberInvalid" },
        { Beneficiary(number: null), Grant(), "AidAward.EnterpriseNumberInvalid" },
        { Beneficiary(size: null), Grant(), "AidAward.SizeUnknown" },
        { Beneficiary(postalCode: null, nuts: null), Grant(), "AidAward.RegionUnknown" },
        { Beneficiary(postalCode: "999"), Grant(), "OpenData.PostalCodeInvalid" },
        { Beneficiary(postalCode: null, nuts: "NL41"), Grant(), "OpenData.NutsInvalid" },
        { Beneficiary(nace: "94"), Grant(), "OpenData.NaceInvalid" },
        { Beneficiary(nace: null), Grant(), "OpenData.NaceInvalid" },
        { Beneficiary(), Grant(amount: 0m), "AidAward.AmountNotPositive" },
        { Beneficiary(), Grant(amount: -5m), "AidAward.AmountNotPositive" },
        { Beneficiary(), Grant(amount: 100_000.005m), "AidAward.AmountNotInCents" },
        { Beneficiary(), Grant(reference: "agreement 1"), "AidAward.ReferenceInvalid" },
        { Beneficiary(), Grant(reference: ""), "AidAward.ReferenceInvalid" },
        { Beneficiary(), Grant(title: " "), "AidAward.TitleRequired" },
        { Beneficiary(), Grant(measure: "12345"), "AidAward.MeasureReferenceInvalid" },
        { Beneficiary(), Grant(measure: "SA.12"), "AidAward.MeasureReferenceInvalid" },
        { Beneficiary(), Grant() with { GrantingAuthority = "" }, "AidAward.GrantingAuthorityRequired" },
        { Beneficiary(), Grant() with { PlannedStart = new DateOnly(2025, 1, 1), PlannedEnd = new DateOnly(2024, 12, 31) }, "AidAward.PlannedEndBeforeStart" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void What_cannot_be_published_is_refused_with_its_reason(AidBeneficiary beneficiary, AidGrant grant, string code)
    {
        var result = AidAward.Create(beneficiary, grant);
        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
    }

    [Theory]
    [InlineData("SA.12345")]
    [InlineData("SA.102345")]
    [InlineData("SA.45678 (2016/X)")]
    public void An_SA_number_is_accepted_with_or_without_its_GBER_suffix(string measure)
    {
        Assert.True(AidAward.Create(Beneficiary(), Grant(measure: measure)).IsSuccess);
    }

    [Fact]
    public void The_mapping_from_the_register_takes_the_organisations_own_fields()
    {
        var org = new Organisation("Flux50 vzw", OrganisationKind.CivilSociety, "0403170701", "BE", internationallyActive: true);
        org.Describe("Flux50 vzw", OrganisationKind.CivilSociety, null, "94.99", "BE24");
        org.SetSizeClass(SizeClass.Micro);

        var beneficiary = AidBeneficiary.From(org, postalCode: "3000", isLegalEntity: true);
        var award = AidAward.Create(beneficiary, Grant()).Value!;

        Assert.Equal(new AidBeneficiary("Flux50 vzw", "0403170701", SizeClass.Micro, true, "3000", "BE24", "94.99"), beneficiary);
        Assert.Equal(("BE24", "94.9", BeneficiaryType.Sme), (award.NutsRegion, award.Sector, award.BeneficiaryType));
    }

    [Fact]
    public void The_beneficiary_type_has_no_field_for_a_person()
    {
        var names = typeof(AidBeneficiary).GetProperties().Select(p => p.Name.ToUpperInvariant()).ToList();
        Assert.DoesNotContain(names, n => n.Contains("EMAIL", StringComparison.Ordinal) || n.Contains("PHONE", StringComparison.Ordinal)
            || n.Contains("CONTACT", StringComparison.Ordinal) || n.Contains("STREET", StringComparison.Ordinal) || n.Contains("PERSON", StringComparison.Ordinal));
    }
}
