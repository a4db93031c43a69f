namespace Clusterpact.Domain.Tests.Common;

public sealed class ImportColumnsTests
{
    [Theory]
    [InlineData("Personeel (VTE)", MemberField.Headcount)]
    [InlineData("Staff (FTE)", MemberField.Headcount)]
    [InlineData("Omzet (EUR)", MemberField.Turnover)]
    [InlineData("Turnover (EUR)", MemberField.Turnover)]
    [InlineData("Balanstotaal (EUR)", MemberField.BalanceSheet)]
    [InlineData("Balance sheet total (EUR)", MemberField.BalanceSheet)]
    [InlineData("Ondernemingsnummer", MemberField.EnterpriseNumber)]
    [InlineData("KBO-nummer", MemberField.EnterpriseNumber)]
    [InlineData("Enterprise number", MemberField.EnterpriseNumber)]
    [InlineData("Naam", MemberField.Name)]
    [InlineData("  NAAM  ", MemberField.Name)]
    [InlineData("kbo nummer", MemberField.EnterpriseNumber)]
    [InlineData("KBO_Nummer:", MemberField.EnterpriseNumber)]
    [InlineData("Rôle", MemberField.Role)]
    [InlineData("Omzet in EUR", MemberField.Turnover)]
    [InlineData("Omzet €", MemberField.Turnover)]
    [InlineData("Omzet [euro]", MemberField.Turnover)]
    [InlineData("Balans-totaal (in EUR)", MemberField.BalanceSheet)]
    [InlineData("E-mail", MemberField.ContactEmail)]
    public void A_member_header_maps_whatever_its_case_accents_spaces_punctuation_and_unit(string header, MemberField expected) =>
        Assert.Equal(expected, MemberImportValidator.Columns.Match(header));

    [Theory]
    [InlineData("Coördinator", ProjectField.Lead)]
    [InlineData("coordinator", ProjectField.Lead)]
    [InlineData("Totaal budget (EUR)", ProjectField.TotalBudget)]
    [InlineData("Total budget (EUR)", ProjectField.TotalBudget)]
    [InlineData("TRL (start)", ProjectField.TrlStart)]
    [InlineData("TRL-doel", ProjectField.TrlTarget)]
    [InlineData("Naam", ProjectField.Title)]
    [InlineData("Start date", ProjectField.Start)]
    public void A_project_header_maps_by_its_own_table(string header, ProjectField expected) =>
        Assert.Equal(expected, ProjectImportValidator.Columns.Match(header));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("(EUR)")]
    [InlineData("EUR")]
    [InlineData("Opmerkingen")]
    [InlineData("Omzetcijfer 2024 extra")]
    public void A_header_that_names_no_field_maps_to_nothing(string? header) =>
        Assert.Null(MemberImportValidator.Columns.Match(header));

    [Fact]
    public void The_whole_header_is_tried_before_the_one_without_brackets()
    {
        var columns = new ImportColumns<ProjectField>().Field(ProjectField.TrlStart, "TRL start").Field(ProjectField.TrlTarget, "TRL");
        Assert.Equal(ProjectField.TrlStart, columns.Match("TRL (start)"));
        Assert.Equal(ProjectField.TrlTarget, columns.Match("TRL (doel)"));
    }

    [Fact]
    public void Normalising_drops_case_accents_and_everything_but_letters_and_digits()
    {
        Assert.Equal("lidsinds2024", ImportNames.Normalise(" Lid-sinds (2024)! "));
        Assert.Equal("coordinatie", ImportNames.Normalise("Coördinatie"));
        Assert.Equal("", ImportNames.Normalise(null));
    }

    [Fact]
    public void Two_fields_cannot_share_a_name_in_one_table() =>
        Assert.Throws<ArgumentException>(() => new ImportColumns<MemberField>().Field(MemberField.Name, "Naam").Field(MemberField.Role, "NAAM"));

    [Fact]
    public void A_full_sheet_header_maps_by_itself_and_the_first_column_wins()
    {
        string?[] header = ["Naam", "KBO-nummer", "Personeel (VTE)", "Omzet (EUR)", "Balanstotaal (EUR)", "Opmerking", "Name"];
        var map = MemberImportValidator.Columns.AutoMap(header);
        Assert.Equal([MemberField.Name, MemberField.EnterpriseNumber, MemberField.Headcount, MemberField.Turnover, MemberField.BalanceSheet],
            map.OrderBy(kv => kv.Key).Select(kv => kv.Value));
        Assert.False(map.ContainsKey(5));
        Assert.False(map.ContainsKey(6));
        Assert.True(MemberImportValidator.Columns.CheckMapping(map).IsSuccess);
    }
}
