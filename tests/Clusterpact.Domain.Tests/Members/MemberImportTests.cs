namespace Clusterpact.Domain.Tests.Members;

public sealed class MemberImportTests
{
    private static readonly DateOnly Default = new(2026, 1, 1);

    [Fact]
    public void Dutch_and_english_headers_map_whatever_their_case_accents_and_spacing()
    {
        var map = MemberImportValidator.Columns.AutoMap(["  NAAM ", "Ondernemings-nummer", "Lid sinds", "Balanstotaal (EUR)", "Internationaal actief?", "Rôle", "Unknown", "Name"]);
        Assert.Equal(MemberField.Name, map[0]);
        Assert.Equal(MemberField.EnterpriseNumber, map[1]);
        Assert.Equal(MemberField.MemberSince, map[2]);
        Assert.Equal(MemberField.BalanceSheet, map[3]); // the unit in brackets does not stop the match
        Assert.Equal(MemberField.InternationallyActive, map[4]);
        Assert.Equal(MemberField.Role, map[5]);
        Assert.False(map.ContainsKey(6));
        Assert.False(map.ContainsKey(7)); // the name is mapped already (merged header cells repeat it)
        var english = MemberImportValidator.Columns.AutoMap(["Name", "Enterprise number", "Member since", "Turnover", "FTE"]);
        Assert.Equal([MemberField.Name, MemberField.EnterpriseNumber, MemberField.MemberSince, MemberField.Turnover, MemberField.Headcount], english.OrderBy(kv => kv.Key).Select(kv => kv.Value));
    }

    [Fact]
    public void A_mapping_needs_a_name_and_an_identifier_and_no_field_twice()
    {
        Assert.Equal("Import.NoNameColumn", MemberImportValidator.Columns.CheckMapping(new Dictionary<int, MemberField> { [0] = MemberField.EnterpriseNumber }).Error!.Code);
        Assert.Equal("Import.NoIdentifierColumn", MemberImportValidator.Columns.CheckMapping(new Dictionary<int, MemberField> { [0] = MemberField.Name }).Error!.Code);
        Assert.Equal("Import.FieldMappedTwice", MemberImportValidator.Columns.CheckMapping(new Dictionary<int, MemberField> { [0] = MemberField.Name, [1] = MemberField.EnterpriseNumber, [2] = MemberField.Name }).Error!.Code);
        Assert.True(MemberImportValidator.Columns.CheckMapping(new Dictionary<int, MemberField> { [0] = MemberField.Name, [1] = MemberField.ForeignId }).IsSuccess);
    }

    [Fact]
    public void A_messy_list_is_judged_row_by_row()
    {
        string?[] header = ["Naam", "Ondernemingsnummer", "Land", "Lid sinds", "Omzet", "VTE", "Rol", "Soort"];
        var map = MemberImportValidator.Columns.AutoMap(header);
        (int, IReadOnlyList<string?>)[] rows =
        [
            (2, ["Aerts NV", "BE 0403.170.701", "", "15-03-2019", "1.234.567,89", "12", "stichtend lid", "bedrijf"]),
            (3, [null, null, null, null, null, null, null, null]),
            (4, ["Maes BV", "0403.170.702", "", "", "", "", "", ""]),                        // wrong check digit
            (5, ["Aerts Bis", "403170701", "", "", "", "", "", ""]),                           // same number as row 2
            (6, ["", "0403.170.701", "", "", "", "", "", ""]),                                 // no name
            (7, ["Lund AB", "", "Zweden", "43831", "", "", "lid", "Company"]),                 // foreign without id, Excel date
            (8, ["Bosch GmbH", "DE 123 456 789", "DE", "2020-02-29", "€ 5 000", "1.200", "Board member", ""]),
            (9, ["Gemeente X", "0207.437.468", "", "31/12/2019", "12,5", "abc", "", "overheid"]),  // headcount not a number
            (10, ["KU Leuven", "0419.052.173", "", "", "", "", "", "universiteit"]),            // already in the register
        ];
        var report = MemberImportValidator.Validate(map, rows, new(Default, MemberKeys.Of("0419052173")));

        var byRow = report.Rows.ToDictionary(r => r.RowNumber);
        Assert.Equal(ImportRowStatus.Accepted, byRow[2].Status);
        var aerts = byRow[2].Record!;
        Assert.Equal(("0403170701", "BE", new DateOnly(2019, 3, 15), 1234567.89m, 12m, MembershipRole.FoundingMember),
            (aerts.EnterpriseNumber, aerts.CountryCode, aerts.MemberSince, aerts.Turnover!.Value, aerts.Headcount!.Value, aerts.Role));
        Assert.Equal(ImportRowStatus.Skipped, byRow[3].Status);
        Assert.Equal("EnterpriseNumber.CheckDigits", Assert.Single(byRow[4].Problems).Code);
        var duplicate = Assert.Single(byRow[5].Problems);
        Assert.Equal(("Import.DuplicateInFile", 2), (duplicate.Code, duplicate.OtherRow));
        Assert.Equal("Import.NameRequired", Assert.Single(byRow[6].Problems).Code);
        Assert.Equal("Import.ForeignIdRequired", Assert.Single(byRow[7].Problems).Code);
        Assert.Equal(ImportRowStatus.Accepted, byRow[8].Status);
        Assert.Equal(("DE", "DE123456789", 5000m, 1200m, MembershipRole.BoardMember, new DateOnly(2020, 2, 29)),
            (byRow[8].Record!.CountryCode, byRow[8].Record!.ForeignId, byRow[8].Record!.Turnover!.Value, byRow[8].Record!.Headcount!.Value, byRow[8].Record!.Role, byRow[8].Record!.MemberSince));
        var bad = Assert.Single(byRow[9].Problems);
        Assert.Equal(((MemberField?)MemberField.Headcount, "Import.NumberInvalid", "abc"), ((MemberField?)bad.Field, bad.Code, bad.Value));
        Assert.Equal(ImportRowStatus.Updated, byRow[10].Status);
        Assert.Equal(OrganisationKind.KnowledgeInstitution, byRow[10].Record!.Kind);
        Assert.Equal(Default, byRow[10].Record!.MemberSince);

        Assert.Equal((2, 1, 5, 1), (report.Accepted, report.Updated, report.Rejected, report.Skipped));
    }

    [Fact]
    public void A_row_with_several_problems_lists_them_all()
    {
        var map = MemberImportValidator.Columns.AutoMap(["Naam", "KBO", "Lid sinds", "Lid tot", "Rol", "Internationaal actief"]);
        var report = MemberImportValidator.Validate(map, [(2, ["X", "12", "31-02-2020", "01-01-2019", "voorzitter", "misschien"])], new(Default, new MemberKeys()));
        var codes = report.Rows[0].Problems.Select(p => p.Code).ToList();
        Assert.Equal(["EnterpriseNumber.WrongLength", "Import.RoleUnknown", "Import.DateInvalid", "Import.YesNoInvalid"], codes);
    }

    [Fact]
    public void Membership_cannot_end_before_it_starts()
    {
        var map = MemberImportValidator.Columns.AutoMap(["Naam", "KBO", "Lid sinds", "Lid tot"]);
        var report = MemberImportValidator.Validate(map, [(2, ["X", "0403170701", "01-01-2020", "31-12-2019"])], new(Default, new MemberKeys()));
        Assert.Equal("Import.UntilBeforeSince", Assert.Single(report.Rows[0].Problems).Code);
    }

    [Theory]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("1 234", 1234)]
    [InlineData("€ 1.234", 1234)]
    [InlineData("1234,5", 1234.5)]
    [InlineData("1234.5", 1234.5)]
    [InlineData("1.234", 1234)]
    [InlineData("12.345.678", 12345678)]
    [InlineData("1,234.56", 1234.56)]
    [InlineData("0,5", 0.5)]
    [InlineData("-3,25", -3.25)]
    [InlineData("EUR 2.000.000", 2000000)]
    [InlineData("1.2345", 1.2345)]
    [InlineData("0.125", 0.125)]
    [InlineData("2,125", 2.125)]
    [InlineData("0125", 125)]
    [InlineData("1500000", 1500000)]
    [InlineData("123456789012345", 123456789012345)]
    public void Belgian_numbers_as_text(string typed, double expected) =>
        Assert.Equal((decimal)expected, BelgianFormats.ParseNumber(typed));

    [Theory]
    [InlineData("abc")]
    [InlineData("1,2,3x")]
    [InlineData("--1")]
    public void Not_numbers(string typed) => Assert.Null(BelgianFormats.ParseNumber(typed));

    [Theory]
    [InlineData("31-12-2026", 2026, 12, 31)]
    [InlineData("1-2-2026", 2026, 2, 1)]
    [InlineData("31/12/2026", 2026, 12, 31)]
    [InlineData("31.12.2026", 2026, 12, 31)]
    [InlineData("2026-12-31", 2026, 12, 31)]
    [InlineData("46022", 2025, 12, 31)]
    [InlineData("31-12-2026 00:00", 2026, 12, 31)]
    [InlineData("29-02-2024", 2024, 2, 29)]
    [InlineData(" 01-02-2024 ", 2024, 2, 1)]
    public void Dates_as_people_type_them(string typed, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), BelgianFormats.ParseDate(typed));

    [Theory]
    [InlineData("31-02-2026")]
    [InlineData("12/31/2026")]
    [InlineData("99")]
    [InlineData("morgen")]
    [InlineData("29-02-2025")]
    [InlineData("00-01-2026")]
    [InlineData("31-13-2026")]
    [InlineData("1a-01-2026")]
    [InlineData("01-01-0000")]
    public void Not_dates(string typed) => Assert.Null(BelgianFormats.ParseDate(typed));

    [Fact]
    public void Rows_are_judged_as_they_are_read_so_a_commit_need_not_hold_the_file()
    {
        var map = new Dictionary<int, MemberField> { [0] = MemberField.Name, [1] = MemberField.EnterpriseNumber };
        IEnumerable<(int, IReadOnlyList<string?>)> Rows()
        {
            yield return (2, ["Aerts NV", "0403170701"]);
            yield return (3, ["Maes BV", "0403170701"]);
            throw new InvalidOperationException("read past what was asked");
        }
        var verdicts = MemberImportValidator.Judge(map, Rows(), new(Default, new MemberKeys())).Take(2).ToList();
        Assert.Equal([ImportRowStatus.Accepted, ImportRowStatus.Rejected], verdicts.Select(v => v.Status));
        Assert.Equal(("Import.DuplicateInFile", 2), (verdicts[1].Problems.Single().Code, verdicts[1].Problems.Single().OtherRow));
    }
}
