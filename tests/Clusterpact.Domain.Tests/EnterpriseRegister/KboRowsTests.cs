using Clusterpact.Domain.EnterpriseRegister;

namespace Clusterpact.Domain.Tests.EnterpriseRegister;

public sealed class KboRowsTests
{
    [Theory]
    [InlineData("0200.065.765", "0200065765")]
    [InlineData("0403.170.701", "0403170701")]
    public void An_enterprise_number_as_the_files_write_it_is_read_with_its_check_digits(string entity, string digits) =>
        Assert.Equal(digits, KboRows.EnterpriseDigits(entity));

    [Theory]
    [InlineData("2.000.000.339")] // an establishment unit
    [InlineData("0403.170.702")] // check digits wrong
    [InlineData("0403170701")] // not the files' form
    [InlineData("")]
    [InlineData(null)]
    public void Establishments_and_broken_numbers_are_not_enterprises(string? entity) => Assert.Null(KboRows.EnterpriseDigits(entity));

    [Fact]
    public void The_official_name_is_the_dutch_name_of_type_001()
    {
        var name = KboRows.OfficialName([("001", "1", "Société Exemple"), ("003", "2", "Handelsnaam"), ("001", "2", "Voorbeeld"), ("002", "2", "VB")]);
        Assert.Equal("Voorbeeld", name);
    }

    [Fact]
    public void Without_a_dutch_name_the_french_then_the_unknown_language_one()
    {
        Assert.Equal("Exemple", KboRows.OfficialName([("001", "0", "Zonder taal"), ("001", "1", "Exemple"), ("001", "3", "Beispiel")]));
        Assert.Equal("Zonder taal", KboRows.OfficialName([("001", "0", "Zonder taal"), ("003", "2", "Handelsnaam")]));
    }

    [Fact]
    public void An_enterprise_with_only_commercial_names_has_no_official_name() =>
        Assert.Null(KboRows.OfficialName([("003", "2", "Handelsnaam"), ("002", "2", "HN")]));

    [Fact]
    public void Two_names_of_the_same_rank_give_the_same_choice_in_any_order()
    {
        Assert.Equal("Alfa", KboRows.OfficialName([("001", "2", "Beta"), ("001", "2", "Alfa")]));
        Assert.Equal("Alfa", KboRows.OfficialName([("001", "2", "Alfa"), ("001", "2", "Beta")]));
    }

    [Fact]
    public void The_main_activity_is_the_main_one_in_the_newest_nace_version()
    {
        var main = KboRows.MainActivity([("001", "2008", "62010", "MAIN"), ("001", "2025", "62100", "MAIN"), ("001", "2025", "46110", "SECO"), ("001", "2003", "72200", "MAIN")]);
        Assert.Equal(("62100", "2025"), main);
    }

    [Fact]
    public void Secondary_and_auxiliary_activities_are_never_the_main_one()
    {
        Assert.Null(KboRows.MainActivity([("001", "2008", "62010", "SECO"), ("003", "2008", "70100", "ANCI")]));
        Assert.Equal(("62010", "2008"), KboRows.MainActivity([("003", "2008", "70100", "MAIN"), ("001", "2008", "62010", "MAIN")]));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("2", false)]
    [InlineData("", false)]
    public void Type_of_enterprise_1_is_a_natural_person(string type, bool natural) => Assert.Equal(natural, KboRows.IsNaturalPerson(type));

    [Fact]
    public void The_legal_form_to_read_is_the_cac_one_when_given()
    {
        Assert.Equal("610", KboRows.LegalForm("014", "610"));
        Assert.Equal("014", KboRows.LegalForm("014", ""));
        Assert.Null(KboRows.LegalForm("", null));
    }

    [Theory]
    [InlineData("62010", "62.010", "62.01")]
    [InlineData("94110", "94.110", "94.11")]
    [InlineData("70.100", "70.100", "70.10")]
    public void Nace_bel_codes_are_shown_with_a_dot_and_reduce_to_their_class(string code, string shown, string naceClass)
    {
        Assert.Equal(shown, KboRows.FormatNace(code));
        Assert.Equal(naceClass, KboRows.NaceClass(code));
    }

    [Fact]
    public void Only_the_registered_office_gives_the_postal_code()
    {
        Assert.True(KboRows.IsRegisteredOffice("REGO"));
        Assert.False(KboRows.IsRegisteredOffice("BAET"));
        Assert.False(KboRows.IsRegisteredOffice("ABBR"));
    }
}
