namespace Clusterpact.Domain.Members;

/// <summary>The fields a member list can carry.</summary>
public enum MemberField
{
    Name, EnterpriseNumber, Kind, Country, ForeignId, MemberSince, MemberUntil, Role, Fee,
    Headcount, Turnover, BalanceSheet, InternationallyActive, Nace, Nuts, ContactEmail,
}

/// <summary>A row's values once read: what the commit writes.</summary>
public sealed record MemberImportRecord(
    string Name, OrganisationKind Kind, string CountryCode, string? EnterpriseNumber, string? ForeignId,
    DateOnly MemberSince, DateOnly? MemberUntil, MembershipRole Role, decimal? Fee,
    decimal? Headcount, decimal? Turnover, decimal? BalanceSheet, bool? InternationallyActive, string? Nace, string? Nuts, string? ContactEmail = null)
{
    /// <summary>How the organisation is recognised in the register: its enterprise number, or country and foreign id.</summary>
    public string Key => EnterpriseNumber ?? $"{CountryCode}:{ForeignId}";
}

/// <summary>
/// Checks a member list row by row before anything is written: each row is accepted (new organisation),
/// updated (already in the register), rejected with its reasons, or skipped (blank). A key that appears twice
/// in the file is rejected the second time, naming the first row.
/// </summary>
public static class MemberImportValidator
{
    /// <param name="Register">What the official enterprise register says of a Belgian number (10 digits), when one is loaded.</param>
    public sealed record Options(DateOnly DefaultMemberSince, MemberKeys ExistingKeys, Func<string, EnterpriseRegister.RegisterStanding>? Register = null);

    /// <summary>The columns of a member list, in Dutch and English, as cluster managers head them.</summary>
    public static readonly ImportColumns<MemberField> Columns = new ImportColumns<MemberField>()
        .Field(MemberField.Name, "Naam", "Name", "Organisatie", "Organisation", "Organization", "Bedrijf", "Company", "Bedrijfsnaam", "Company name")
        .Field(MemberField.EnterpriseNumber, "Ondernemingsnummer", "Enterprise number", "KBO", "KBO-nummer", "BTW", "BTW-nummer", "VAT", "VAT number", "Company number")
        .Field(MemberField.Kind, "Soort", "Type", "Kind", "Categorie", "Category")
        .Field(MemberField.Country, "Land", "Country", "Landcode", "Country code")
        .Field(MemberField.ForeignId, "Buitenlands nummer", "Nationaal nummer", "Foreign id", "National id", "Buitenlands btw-nummer", "Foreign VAT")
        .Field(MemberField.MemberSince, "Lid sinds", "Member since", "Start lidmaatschap", "Van", "From")
        .Field(MemberField.MemberUntil, "Lid tot", "Member until", "Einde lidmaatschap", "Tot", "Until")
        .Field(MemberField.Role, "Rol", "Role", "Functie")
        .Field(MemberField.Fee, "Lidgeld", "Fee", "Membership fee", "Bijdrage")
        .Field(MemberField.Headcount, "VTE", "FTE", "Headcount", "Personeel", "Staff", "Staff headcount", "Werknemers", "Employees", "AWU", "Aantal werknemers", "Number of employees")
        .Field(MemberField.Turnover, "Omzet", "Turnover", "Jaaromzet", "Annual turnover")
        .Field(MemberField.BalanceSheet, "Balanstotaal", "Balance sheet total", "Balance sheet", "Balans")
        .Field(MemberField.InternationallyActive, "Internationaal actief", "Internationally active", "Internationaal", "International", "Export")
        .Field(MemberField.Nace, "NACE", "NACE-code", "Sector")
        .Field(MemberField.ContactEmail, "E-mail", "E-mailadres", "Contact e-mail", "Contact", "Mail", "E-mail contactpersoon")
        .Field(MemberField.Nuts, "NUTS", "NUTS-code", "Regio", "Region")
        .Require("Import.NoNameColumn", MemberField.Name)
        .Require("Import.NoIdentifierColumn", MemberField.EnterpriseNumber, MemberField.ForeignId);

    public static ImportReport<MemberImportRecord> Validate(IReadOnlyDictionary<int, MemberField> mapping, IEnumerable<(int RowNumber, IReadOnlyList<string?> Cells)> rows, Options options) =>
        new(Judge(mapping, rows, options).ToList());

    /// <summary>
    /// The same verdicts one row at a time, as the rows are read: a commit of a million-row list keeps only the keys it
    /// has seen (for the duplicate rule), not the rows.
    /// </summary>
    public static IEnumerable<ImportRowResult<MemberImportRecord>> Judge(IReadOnlyDictionary<int, MemberField> mapping, IEnumerable<(int RowNumber, IReadOnlyList<string?> Cells)> rows, Options options)
    {
        var seen = new MemberKeys();
        // The column of each field, looked up once for the file, not once per cell (the first column mapped to a field).
        var columnOf = new int[Enum.GetValues<MemberField>().Length];
        Array.Fill(columnOf, -1);
        foreach (var (index, field) in mapping)
            if ((uint)field < (uint)columnOf.Length && columnOf[(int)field] < 0) columnOf[(int)field] = index;
        foreach (var (rowNumber, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace)) { yield return new(rowNumber, ImportRowStatus.Skipped, null, []); continue; }
            var (record, problems) = ReadRow(columnOf, cells, options.DefaultMemberSince);
            // A number the loaded register does not know is refused, as on the form (a stopped enterprise is not).
            if (record?.EnterpriseNumber is { } number && options.Register is { } register && EnterpriseRegister.RegisterCheck.Refusal(register(number)) is { } unknown)
                problems.Add(new ImportProblem(MemberField.EnterpriseNumber, unknown.Code, EnterpriseNumber.Parse(number).Value.ToString()));
            if (record is not null && seen.TryGetFirstRow(record.Key, out var first))
                problems.Add(new ImportProblem(record.EnterpriseNumber is null ? MemberField.ForeignId : MemberField.EnterpriseNumber, "Import.DuplicateInFile", record.Key, first));
            if (problems.Count > 0 || record is null)
            {
                yield return new(rowNumber, ImportRowStatus.Rejected, null, problems);
                continue;
            }
            seen.TryAdd(record.Key, rowNumber, out _);
            yield return new(rowNumber, options.ExistingKeys.Contains(record.Key) ? ImportRowStatus.Updated : ImportRowStatus.Accepted, record, []);
        }
    }

    private static (MemberImportRecord? Record, List<ImportProblem> Problems) ReadRow(int[] columnOf, IReadOnlyList<string?> cells, DateOnly defaultSince)
    {
        var problems = new List<ImportProblem>();
        string? Cell(MemberField f)
        {
            var index = columnOf[(int)f];
            return index >= 0 && index < cells.Count && !string.IsNullOrWhiteSpace(cells[index]) ? cells[index]!.Trim() : null;
        }

        var name = Cell(MemberField.Name);
        if (name is null) problems.Add(new(MemberField.Name, "Import.NameRequired"));
        else if (name.Length > 300) problems.Add(new(MemberField.Name, "Import.NameTooLong", name[..50]));

        var country = (Cell(MemberField.Country) ?? "BE").ToUpperInvariant();
        if (CountryNames.TryGetValue(ImportNames.Normalise(country), out var iso)) country = iso;
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)) { problems.Add(new(MemberField.Country, "Import.CountryInvalid", Cell(MemberField.Country))); country = "BE"; }

        string? enterpriseNumber = null;
        string? foreignId = null;
        var rawNumber = Cell(MemberField.EnterpriseNumber);
        if (country == "BE")
        {
            var parsed = EnterpriseNumber.Parse(rawNumber);
            if (parsed.IsSuccess) enterpriseNumber = parsed.Value.Digits;
            else problems.Add(new(MemberField.EnterpriseNumber, parsed.Error!.Code, rawNumber));
        }
        else
        {
            foreignId = Cell(MemberField.ForeignId) ?? rawNumber;
            foreignId = foreignId is null ? null : new string(foreignId.ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
            if (string.IsNullOrEmpty(foreignId)) problems.Add(new(MemberField.ForeignId, "Import.ForeignIdRequired"));
        }

        var kind = ParseKind(Cell(MemberField.Kind), problems);
        var role = ParseRole(Cell(MemberField.Role), problems);
        var sinceCell = Cell(MemberField.MemberSince);
        var parsedSince = ParseDate(MemberField.MemberSince, sinceCell, problems);
        var since = parsedSince ?? defaultSince;
        var until = ParseDate(MemberField.MemberUntil, Cell(MemberField.MemberUntil), problems);
        // Compared only against a start date that was read (an unreadable start is reported once, not twice).
        if (until is { } u && (sinceCell is null || parsedSince is not null) && u < since) problems.Add(new(MemberField.MemberUntil, "Import.UntilBeforeSince", Cell(MemberField.MemberUntil)));
        var fee = ParseAmount(MemberField.Fee, Cell(MemberField.Fee), problems, DomainRange.Amount);
        var headcount = ParseAmount(MemberField.Headcount, Cell(MemberField.Headcount), problems, DomainRange.Count);
        var turnover = ParseAmount(MemberField.Turnover, Cell(MemberField.Turnover), problems, DomainRange.Amount);
        var balance = ParseAmount(MemberField.BalanceSheet, Cell(MemberField.BalanceSheet), problems, DomainRange.Amount);
        var international = ParseBool(Cell(MemberField.InternationallyActive), problems);
        var nace = Cell(MemberField.Nace);
        if (nace is { Length: > 10 }) problems.Add(new(MemberField.Nace, "Import.NaceInvalid", nace));
        var nuts = Cell(MemberField.Nuts)?.ToUpperInvariant();
        if (nuts is { Length: > 5 }) problems.Add(new(MemberField.Nuts, "Import.NutsInvalid", nuts));

        var email = Cell(MemberField.ContactEmail)?.ToLowerInvariant();
        if (email is not null && !Membership.IsEmail(email)) problems.Add(new(MemberField.ContactEmail, "Membership.ContactInvalid", email));

        if (problems.Count > 0 || name is null) return (null, problems);
        return (new MemberImportRecord(name, kind, country, enterpriseNumber, foreignId, since, until, role, fee, headcount, turnover, balance, international, nace, nuts, email), problems);
    }

    private static OrganisationKind ParseKind(string? s, List<ImportProblem> problems)
    {
        switch (ImportNames.Normalise(s))
        {
            case "" or "bedrijf" or "company" or "onderneming" or "enterprise" or "kmo" or "sme" or "business": return OrganisationKind.Company;
            case "kennisinstelling" or "knowledgeinstitution" or "universiteit" or "university" or "hogeschool" or "onderzoekscentrum" or "researchcentre" or "researchcenter" or "sok" or "strategischonderzoekscentrum":
                return OrganisationKind.KnowledgeInstitution;
            case "overheid" or "government" or "governmentbody" or "publiekeoverheid" or "stad" or "gemeente" or "city": return OrganisationKind.GovernmentBody;
            case "middenveld" or "civilsociety" or "vzw" or "ngo" or "federatie" or "federation": return OrganisationKind.CivilSociety;
            default: problems.Add(new(MemberField.Kind, "Import.KindUnknown", s)); return OrganisationKind.Company;
        }
    }

    private static MembershipRole ParseRole(string? s, List<ImportProblem> problems)
    {
        switch (ImportNames.Normalise(s))
        {
            case "" or "lid" or "member" or "gewoonlid": return MembershipRole.Member;
            case "bestuurslid" or "boardmember" or "bestuur" or "board" or "bestuurder" or "director": return MembershipRole.BoardMember;
            case "stichtendlid" or "foundingmember" or "stichter" or "founder" or "founding": return MembershipRole.FoundingMember;
            default: problems.Add(new(MemberField.Role, "Import.RoleUnknown", s)); return MembershipRole.Member;
        }
    }

    private static bool? ParseBool(string? s, List<ImportProblem> problems)
    {
        switch (ImportNames.Normalise(s))
        {
            case "": return null;
            case "ja" or "j" or "yes" or "y" or "1" or "x" or "waar" or "true" or "oui": return true;
            case "nee" or "n" or "no" or "0" or "onwaar" or "false" or "non": return false;
            default: problems.Add(new(MemberField.InternationallyActive, "Import.YesNoInvalid", s)); return null;
        }
    }

    private static DateOnly? ParseDate(MemberField field, string? s, List<ImportProblem> problems)
    {
        if (s is null) return null;
        var r = BelgianFormats.ParseDate(s);
        if (r is null) problems.Add(new(field, "Import.DateInvalid", s));
        else if (DomainRange.Date(r, field.ToString()) is { } outOfRange) { problems.Add(new(field, outOfRange.Code, s)); return null; }
        return r;
    }

    /// <summary>A number of the file, refused like the same value typed on a page when it is outside its range (<see cref="DomainRange"/>).</summary>
    private static decimal? ParseAmount(MemberField field, string? s, List<ImportProblem> problems, Func<decimal?, string, DomainError?> range)
    {
        if (s is null) return null;
        var r = BelgianFormats.ParseNumber(s);
        if (r is null) problems.Add(new(field, "Import.NumberInvalid", s));
        else if (r < 0) { problems.Add(new(field, "Import.NumberNegative", s)); return null; }
        else if (range(r, field.ToString()) is { } outOfRange) { problems.Add(new(field, outOfRange.Code, s)); return null; }
        return r;
    }

    private static readonly Dictionary<string, string> CountryNames = new(StringComparer.Ordinal)
    {
        ["belgie"] = "BE", ["belgium"] = "BE", ["belgique"] = "BE", ["nederland"] = "NL", ["netherlands"] = "NL", ["duitsland"] = "DE",
        ["germany"] = "DE", ["frankrijk"] = "FR", ["france"] = "FR", ["luxemburg"] = "LU", ["luxembourg"] = "LU",
        ["verenigdkoninkrijk"] = "GB", ["unitedkingdom"] = "GB", ["uk"] = "GB", ["spanje"] = "ES", ["spain"] = "ES", ["italie"] = "IT", ["italy"] = "IT",
        ["zweden"] = "SE", ["sweden"] = "SE", ["denemarken"] = "DK", ["denmark"] = "DK", ["oostenrijk"] = "AT", ["austria"] = "AT",
    };
}

/// <summary>Numbers and dates as people in Belgium type them in spreadsheets.</summary>
public static class BelgianFormats
{
    /// <summary>
    /// "1.234,56", "1 234", "€ 1.234", "1234,5", "1234.5", "12%". With both separators the last one is the decimal
    /// mark; a lone dot followed by groups of exactly three digits is a thousands separator ("1.234" = 1234).
    /// </summary>
    public static decimal? ParseNumber(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        // Plain digits (most cells of a large list) read as they are.
        if (input.Length <= 20 && input.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
            return decimal.Parse(input, NumberStyles.None, CultureInfo.InvariantCulture);
        var s = new string(input.Trim().Where(c => !(c is ' ' or '\u00A0' or '\u202F' or '€' or '\'')).ToArray());
        if (s.StartsWith("EUR", StringComparison.OrdinalIgnoreCase)) s = s[3..];
        if (s.EndsWith("EUR", StringComparison.OrdinalIgnoreCase)) s = s[..^3];
        if (s.Length == 0) return null;
        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        string normalised;
        if (lastComma >= 0 && lastDot >= 0)
            normalised = lastComma > lastDot ? s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : s.Replace(",", "", StringComparison.Ordinal);
        else if (lastComma >= 0)
            normalised = s.Count(c => c == ',') > 1 ? s.Replace(",", "", StringComparison.Ordinal) : s.Replace(',', '.');
        else if (lastDot >= 0)
        {
            var groups = s.TrimStart('-').Split('.');
            // "0.125" is a decimal: no number written with thousands separators starts with a 0 group.
            var thousands = groups[0].Length is >= 1 and <= 3 && !groups[0].StartsWith('0') && groups.Skip(1).All(g => g.Length == 3);
            normalised = thousands ? s.Replace(".", "", StringComparison.Ordinal) : s;
        }
        else normalised = s;
        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>"31-12-2026" exactly, read without the format parser (the way almost every cell of a large list is written); null otherwise.</summary>
    private static DateOnly? DayMonthYear(string s)
    {
        if (s.Length != 10 || s[2] != '-' || s[5] != '-') return null;
        int Digits(int start, int count)
        {
            var n = 0;
            for (var i = start; i < start + count; i++)
            {
                if (!char.IsAsciiDigit(s[i])) return -1;
                n = n * 10 + (s[i] - '0');
            }
            return n;
        }
        var (day, month, year) = (Digits(0, 2), Digits(3, 2), Digits(6, 4));
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static readonly string[] DateFormats = ["dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "dd-MM-yy", "dd/MM/yy"];

    /// <summary>dd-MM-yyyy and its variants, ISO yyyy-MM-dd, and Excel serial day numbers (e.g. 45658 = 01-01-2025).</summary>
    public static DateOnly? ParseDate(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        if (DayMonthYear(input) is { } plain) return plain;
        var s = input.Trim();
        var spaceAt = s.IndexOf(' ', StringComparison.Ordinal);
        if (spaceAt > 0 && s.Length - spaceAt <= 9) s = s[..spaceAt]; // "31-12-2026 00:00"
        if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        // Excel stores dates as days since 30-12-1899; only plausible membership years are taken.
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is >= 18264 and <= 73051)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return null;
    }
}
