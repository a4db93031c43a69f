namespace Clusterpact.Domain.Projects;

/// <summary>The fields a project list can carry.</summary>
public enum ProjectField { Reference, Title, Summary, Type, Theme, Start, End, TrlStart, TrlTarget, TotalBudget, Aid, Lead, Partners, OtherClusters }

/// <summary>A row's values once read: what the commit writes. Partners are organisations of the register.</summary>
public sealed record ProjectImportRecord(string? Reference, ProjectDetails Details, Guid LeadId, IReadOnlyList<Guid> PartnerIds, Guid? ExistingProjectId);

/// <summary>
/// Checks a project list row by row before anything is written, with the same verdicts as a member list: accepted
/// (a new proposal), updated (a proposal of this cluster with the same reference, not yet decided), rejected with
/// every reason, or skipped (blank). Lead and partners must already be in the member register (by enterprise number),
/// so the KPIs can tell companies from knowledge institutions.
/// </summary>
public static class ProjectImportValidator
{
    /// <param name="ClusterId">The cluster the list is imported for: every project belongs to it.</param>
    /// <param name="Register">Enterprise number (10 digits) to organisation id.</param>
    /// <param name="ClustersByName">Normalised cluster name to id, for intercluster projects naming their other clusters.</param>
    /// <param name="ExistingByReference">This cluster's projects by reference, with whether they are still proposals.</param>
    public sealed record Options(Guid ClusterId, IReadOnlyDictionary<string, Guid> Register, IReadOnlyDictionary<string, Guid> ClustersByName,
        IReadOnlyDictionary<string, (Guid Id, bool StillProposed)> ExistingByReference);

    /// <summary>The columns of a project list, in Dutch and English; title, dates, budget and lead cannot be missing.</summary>
    public static readonly ImportColumns<ProjectField> Columns = new ImportColumns<ProjectField>()
        .Field(ProjectField.Reference, "Referentie", "Reference", "Ref", "Projectnummer", "Project number", "Dossiernummer", "Id")
        .Field(ProjectField.Title, "Titel", "Title", "Projecttitel", "Project title", "Naam", "Name")
        .Field(ProjectField.Summary, "Samenvatting", "Summary", "Omschrijving", "Description")
        .Field(ProjectField.Type, "Type", "Soort", "Projecttype")
        .Field(ProjectField.Theme, "Thema", "Theme", "Transitie", "Transition")
        .Field(ProjectField.Start, "Start", "Startdatum", "Begin", "Start date", "Van")
        .Field(ProjectField.End, "Einde", "Einddatum", "End", "End date", "Tot")
        .Field(ProjectField.TrlStart, "TRL start", "TRL begin", "TRL")
        .Field(ProjectField.TrlTarget, "TRL doel", "TRL target", "TRL einde", "TRL end")
        .Field(ProjectField.TotalBudget, "Budget", "Totaal budget", "Total budget", "Projectbudget")
        .Field(ProjectField.Aid, "Steun", "Aid", "Subsidie", "Grant", "Steunbedrag")
        .Field(ProjectField.Lead, "Trekker", "Lead", "Coördinator", "Promotor", "Lead partner")
        .Field(ProjectField.Partners, "Partners", "Partner", "Consortium")
        .Field(ProjectField.OtherClusters, "Andere clusters", "Other clusters", "Clusters")
        .Require("Import.NoTitleColumn", ProjectField.Title)
        .Require("Import.NoStartColumn", ProjectField.Start)
        .Require("Import.NoEndColumn", ProjectField.End)
        .Require("Import.NoBudgetColumn", ProjectField.TotalBudget)
        .Require("Import.NoLeadColumn", ProjectField.Lead);

    public static ImportReport<ProjectImportRecord> Validate(IReadOnlyDictionary<int, ProjectField> mapping, IEnumerable<(int RowNumber, IReadOnlyList<string?> Cells)> rows, Options options)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var results = new List<ImportRowResult<ProjectImportRecord>>();
        foreach (var (rowNumber, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace)) { results.Add(new(rowNumber, ImportRowStatus.Skipped, null, [])); continue; }
            var (record, problems) = ReadRow(mapping, cells, options);
            if (record?.Reference is { } reference)
            {
                if (seen.TryGetValue(reference, out var first)) problems.Add(new ImportProblem(ProjectField.Reference, "Import.DuplicateInFile", reference, first));
                else seen[reference] = rowNumber;
            }
            if (problems.Count > 0 || record is null) { results.Add(new(rowNumber, ImportRowStatus.Rejected, null, problems)); continue; }
            results.Add(new(rowNumber, record.ExistingProjectId is null ? ImportRowStatus.Accepted : ImportRowStatus.Updated, record, []));
        }
        return new ImportReport<ProjectImportRecord>(results);
    }

    private static (ProjectImportRecord? Record, List<ImportProblem> Problems) ReadRow(IReadOnlyDictionary<int, ProjectField> mapping, IReadOnlyList<string?> cells, Options options)
    {
        var problems = new List<ImportProblem>();
        string? Cell(ProjectField f)
        {
            foreach (var (index, field) in mapping)
                if (field == f) return index < cells.Count && !string.IsNullOrWhiteSpace(cells[index]) ? cells[index]!.Trim() : null;
            return null;
        }

        var reference = Cell(ProjectField.Reference);
        if (reference is { Length: > 50 }) problems.Add(new(ProjectField.Reference, "Import.ReferenceTooLong", reference[..50]));
        var title = Cell(ProjectField.Title);
        if (title is null) problems.Add(new(ProjectField.Title, "Import.TitleRequired"));
        var type = ParseType(Cell(ProjectField.Type), problems);
        var theme = ParseTheme(Cell(ProjectField.Theme), problems);
        var start = Date(ProjectField.Start, Cell(ProjectField.Start), required: true, problems);
        var end = Date(ProjectField.End, Cell(ProjectField.End), required: true, problems);
        var trlStart = Trl(ProjectField.TrlStart, Cell(ProjectField.TrlStart), problems) ?? 1;
        var trlTarget = Trl(ProjectField.TrlTarget, Cell(ProjectField.TrlTarget), problems) ?? trlStart;
        var budget = Amount(ProjectField.TotalBudget, Cell(ProjectField.TotalBudget), required: true, problems);
        var aid = Amount(ProjectField.Aid, Cell(ProjectField.Aid), required: false, problems) ?? 0;

        var lead = Organisation(ProjectField.Lead, Cell(ProjectField.Lead), options, problems, required: true);
        var partners = new List<Guid>();
        foreach (var part in Split(Cell(ProjectField.Partners)))
            if (Organisation(ProjectField.Partners, part, options, problems, required: false) is { } id && id != lead && !partners.Contains(id)) partners.Add(id);

        var clusterIds = new List<Guid> { options.ClusterId };
        foreach (var name in Split(Cell(ProjectField.OtherClusters)))
        {
            if (options.ClustersByName.TryGetValue(ImportNames.Normalise(name), out var cid)) { if (!clusterIds.Contains(cid)) clusterIds.Add(cid); }
            else problems.Add(new(ProjectField.OtherClusters, "Import.ClusterUnknown", name));
        }

        (Guid Id, bool StillProposed)? existing = reference is not null && options.ExistingByReference.TryGetValue(reference, out var e) ? e : null;
        if (existing is { StillProposed: false }) problems.Add(new(ProjectField.Reference, "Import.ProjectAlreadyDecided", reference));

        if (problems.Count > 0 || title is null || start is null || end is null || budget is null || lead is null) return (null, problems);
        var details = new ProjectDetails(type, title, Cell(ProjectField.Summary), theme, start.Value, end.Value, trlStart, trlTarget, budget.Value, aid, clusterIds);
        var check = Project.Check(details);
        if (!check.IsSuccess)
        {
            problems.Add(new(check.Error!.Field is { } f && Enum.TryParse<ProjectField>(f, out var field) ? field : FieldOf(check.Error.Code), check.Error.Code));
            return (null, problems);
        }
        return (new ProjectImportRecord(reference, details, lead.Value, partners, existing?.Id), problems);
    }

    private static ProjectField? FieldOf(string code) => code switch
    {
        "Project.TitleTooLong" => ProjectField.Title,
        "Project.EndBeforeStart" => ProjectField.End,
        "Project.TrlRange" or "Project.TrlTargetBelowStart" => ProjectField.TrlTarget,
        "Project.BudgetPositive" => ProjectField.TotalBudget,
        "Project.AidNegative" or "Project.AidAboveBudget" => ProjectField.Aid,
        "Project.InterclusterNeedsTwoClusters" or "Project.CollaborationOneCluster" => ProjectField.OtherClusters,
        _ => null,
    };

    private static IEnumerable<string> Split(string? cell) =>
        cell is null ? [] : cell.Split([';', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Guid? Organisation(ProjectField field, string? raw, Options options, List<ImportProblem> problems, bool required)
    {
        if (raw is null)
        {
            if (required) problems.Add(new(field, "Import.LeadRequired"));
            return null;
        }
        var parsed = EnterpriseNumber.Parse(raw);
        if (!parsed.IsSuccess) { problems.Add(new(field, parsed.Error!.Code, raw)); return null; }
        if (!options.Register.TryGetValue(parsed.Value.Digits, out var id)) { problems.Add(new(field, "Import.OrganisationNotInRegister", raw)); return null; }
        return id;
    }

    private static ProjectType ParseType(string? s, List<ImportProblem> problems)
    {
        switch (ImportNames.Normalise(s))
        {
            case "" or "samenwerkingsproject" or "collaboration" or "collaborationproject" or "geoormerkt" or "earmarked" or "cluster": return ProjectType.Collaboration;
            case "intercluster" or "interclusterproject": return ProjectType.Intercluster;
            case "regulier" or "regular" or "regularinstrument" or "vlaio" or "reguliervlaioinstrument": return ProjectType.RegularInstrument;
            case "europees" or "european" or "eu" or "europeesproject" or "europeanproject" or "horizon" or "horizoneurope": return ProjectType.European;
            default: problems.Add(new(ProjectField.Type, "Import.ProjectTypeUnknown", s)); return ProjectType.Collaboration;
        }
    }

    private static StrategicTheme ParseTheme(string? s, List<ImportProblem> problems)
    {
        var n = ImportNames.Normalise(s);
        if (n.Length == 0) return StrategicTheme.Other;
        foreach (var theme in Enum.GetValues<StrategicTheme>())
            if (ImportNames.Normalise(theme.ToString()) == n) return theme;
        var dutch = n switch
        {
            "circulaireeconomie" => StrategicTheme.CircularEconomy, "energietransitie" or "energie" => StrategicTheme.EnergyTransition,
            "digitaletransformatie" or "digitalisering" => StrategicTheme.DigitalTransformation, "industrie40" => StrategicTheme.Industry40,
            "gezondheidenzorg" or "gezondheid" or "zorg" => StrategicTheme.HealthAndCare, "mobiliteit" => StrategicTheme.Mobility,
            "voeding" or "agrovoeding" => StrategicTheme.Food, "materialen" => StrategicTheme.Materials, "logistiek" => StrategicTheme.Logistics,
            "blauweeconomie" => StrategicTheme.BlueEconomy, "ander" or "andere" or "overig" => StrategicTheme.Other,
            _ => (StrategicTheme?)null,
        };
        if (dutch is null) problems.Add(new(ProjectField.Theme, "Import.ThemeUnknown", s));
        return dutch ?? StrategicTheme.Other;
    }

    private static DateOnly? Date(ProjectField field, string? s, bool required, List<ImportProblem> problems)
    {
        if (s is null) { if (required) problems.Add(new(field, "Import.DateRequired")); return null; }
        var d = BelgianFormats.ParseDate(s);
        if (d is null) problems.Add(new(field, "Import.DateInvalid", s));
        return d;
    }

    private static decimal? Amount(ProjectField field, string? s, bool required, List<ImportProblem> problems)
    {
        if (s is null) { if (required) problems.Add(new(field, "Import.AmountRequired")); return null; }
        var n = BelgianFormats.ParseNumber(s);
        if (n is null) { problems.Add(new(field, "Import.NumberInvalid", s)); return null; }
        if (n < 0) { problems.Add(new(field, "Import.NumberNegative", s)); return null; }
        return n;
    }

    private static int? Trl(ProjectField field, string? s, List<ImportProblem> problems)
    {
        if (s is null) return null;
        var t = s.StartsWith("TRL", StringComparison.OrdinalIgnoreCase) ? s[3..].Trim() : s;
        if (int.TryParse(t, out var v) && v is >= 1 and <= 9) return v;
        problems.Add(new(field, "Project.TrlRange", s));
        return null;
    }
}
