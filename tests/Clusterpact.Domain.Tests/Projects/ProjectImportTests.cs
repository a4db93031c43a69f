namespace Clusterpact.Domain.Tests.Projects;

public class ProjectImportTests
{
    private static readonly Guid Cluster = Guid.NewGuid(), Other = Guid.NewGuid();
    private static readonly Guid Lead = Guid.NewGuid(), Partner = Guid.NewGuid(), Existing = Guid.NewGuid(), Decided = Guid.NewGuid();

    private static readonly ProjectImportValidator.Options Options = new(Cluster,
        new Dictionary<string, Guid> { ["0403170701"] = Lead, ["0202239951"] = Partner },
        new Dictionary<string, Guid> { ["flux50"] = Other },
        new Dictionary<string, (Guid, bool)>(StringComparer.OrdinalIgnoreCase) { ["P-7"] = (Existing, true), ["P-8"] = (Decided, false) });

    private static readonly string?[] Header = ["Referentie", "Titel", "Type", "Thema", "Startdatum", "Einddatum", "TRL start", "TRL doel", "Totaal budget", "Steun", "Trekker", "Partners", "Andere clusters"];

    private static ImportReport<ProjectImportRecord> Run(params string?[][] rows)
    {
        var mapping = ProjectImportValidator.Columns.AutoMap(Header);
        return ProjectImportValidator.Validate(mapping, rows.Select((r, i) => (i + 2, (IReadOnlyList<string?>)r)), Options);
    }

    [Fact]
    public void Dutch_headers_map_to_every_field()
    {
        var mapping = ProjectImportValidator.Columns.AutoMap(Header);
        Assert.Equal(13, mapping.Count);
        Assert.True(ProjectImportValidator.Columns.CheckMapping(mapping).IsSuccess);
        Assert.Equal("Import.NoLeadColumn", ProjectImportValidator.Columns.CheckMapping(ProjectImportValidator.Columns.AutoMap(["Titel", "Start", "Einde", "Budget"])).Error!.Code);
    }

    [Fact]
    public void Each_row_gets_its_verdict_with_every_reason()
    {
        var report = Run(
            ["P-1", "Composites", "samenwerkingsproject", "circulaire economie", "01-02-2020", "31-01-2022", "3", "6", "1.200.000", "600.000,00", "0403.170.701", "BE 0202.239.951", ""],
            ["P-2", "Smart grids", "intercluster", "energietransitie", "01-03-2020", "28-02-2023", "4", "7", "2000000", "800000", "0403170701", "", "Flux50"],
            ["P-3", "", "samenwerkingsproject", "", "31-02-2020", "01-01-2021", "12", "3", "-5", "", "0403170702", "0412345614", ""],
            [null, null, null, null, null, null, null, null, null, null, null, null, null],
            ["P-1", "Again", "", "", "01-01-2021", "01-01-2022", "", "", "100", "", "0403170701", "", ""],
            ["P-7", "Revised proposal", "", "", "01-01-2021", "01-01-2022", "", "", "100", "50", "0403170701", "", ""],
            ["P-8", "Already decided", "", "", "01-01-2021", "01-01-2022", "", "", "100", "50", "0403170701", "", ""],
            ["P-9", "Budget too small", "", "", "01-01-2021", "01-01-2022", "", "", "100", "150", "0403170701", "", ""]);
        var byRow = report.Rows.ToDictionary(r => r.RowNumber);

        var first = byRow[2].Record!;
        Assert.Equal(ImportRowStatus.Accepted, byRow[2].Status);
        Assert.Equal((1_200_000m, 600_000m, Lead), (first.Details.TotalBudget, first.Details.Aid, first.LeadId));
        Assert.Equal([Partner], first.PartnerIds);
        Assert.Equal(StrategicTheme.CircularEconomy, first.Details.Theme);

        Assert.Equal(new[] { Cluster, Other }, byRow[3].Record!.Details.ClusterIds);
        Assert.Equal(ProjectType.Intercluster, byRow[3].Record!.Details.Type);

        var codes = byRow[4].Problems.Select(p => p.Code).ToList();
        Assert.Equal(ImportRowStatus.Rejected, byRow[4].Status);
        Assert.Contains("Import.TitleRequired", codes);
        Assert.Contains("Import.DateInvalid", codes);
        Assert.Contains("Project.TrlRange", codes);
        Assert.Contains("Import.NumberNegative", codes);
        Assert.Contains("EnterpriseNumber.CheckDigits", codes);
        Assert.Contains("Import.OrganisationNotInRegister", codes);

        Assert.Equal(ImportRowStatus.Skipped, byRow[5].Status);
        var duplicate = Assert.Single(byRow[6].Problems);
        Assert.Equal(("Import.DuplicateInFile", 2), (duplicate.Code, duplicate.OtherRow));
        Assert.Equal("ProjectField.Reference", duplicate.FieldKey);

        Assert.Equal((ImportRowStatus.Updated, (Guid?)Existing), (byRow[7].Status, byRow[7].Record!.ExistingProjectId));
        Assert.Equal("Import.ProjectAlreadyDecided", Assert.Single(byRow[8].Problems).Code);
        Assert.Equal("Project.AidAboveBudget", Assert.Single(byRow[9].Problems).Code);

        Assert.Equal((2, 1, 4, 1), (report.Accepted, report.Updated, report.Rejected, report.Skipped));
        Assert.Equal(3, report.Good.Count());
    }

    [Fact]
    public void An_intercluster_row_without_its_other_cluster_is_refused()
    {
        var report = Run(["P-5", "Lonely", "intercluster", "", "01-01-2021", "01-01-2022", "", "", "100", "", "0403170701", "", "Unknown cluster"]);
        var codes = report.Rows[0].Problems.Select(p => p.Code).ToList();
        Assert.Equal(["Import.ClusterUnknown"], codes);
    }
}
