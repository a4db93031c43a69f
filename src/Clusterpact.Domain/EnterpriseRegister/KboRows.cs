namespace Clusterpact.Domain.EnterpriseRegister;

/// <summary>
/// The rules that reduce the KBO files to what Clusterpact keeps per enterprise (Cookbook KBO Open data, chapter 2):
/// which rows are an enterprise's (not an establishment's), which name is its official one, which activity its main
/// one and which address its registered office.
/// </summary>
public static class KboRows
{
    /// <summary>
    /// The enterprise number of an EntityNumber ("0200.065.765"), or null for an establishment ("2.000.000.339", first
    /// digit 2 to 8) or a value that fails the mod-97 check: the files mix both kinds of entity.
    /// </summary>
    public static string? EnterpriseDigits(string? entityNumber) => entityNumber is null ? null : EnterpriseDigits(entityNumber.AsSpan());

    /// <summary>The same, without a string per row: the loader reads tens of millions of them.</summary>
    public static string? EnterpriseDigits(ReadOnlySpan<char> entityNumber)
    {
        if (entityNumber.Length != 12 || entityNumber[4] != '.' || entityNumber[8] != '.' || entityNumber[0] is not ('0' or '1')) return null;
        Span<char> digits = stackalloc char[10];
        entityNumber[..4].CopyTo(digits);
        entityNumber[5..8].CopyTo(digits[4..]);
        entityNumber[9..].CopyTo(digits[7..]);
        foreach (var c in digits) if (!char.IsAsciiDigit(c)) return null;
        var text = new string(digits);
        return EnterpriseNumber.HasValidCheckDigits(text) ? text : null;
    }

    /// <summary>TypeOfEnterprise 1 is a natural person (a sole trader), 2 a legal person (code table TypeOfEnterprise).</summary>
    public static bool IsNaturalPerson(string? typeOfEnterprise) => typeOfEnterprise?.Trim() == "1";

    /// <summary>The legal form as it is to be read: JuridicalFormCAC when given (pending the statutes' adaptation to the WVV), otherwise JuridicalForm.</summary>
    public static string? LegalForm(string? juridicalForm, string? juridicalFormCac) =>
        string.IsNullOrWhiteSpace(juridicalFormCac) ? (string.IsNullOrWhiteSpace(juridicalForm) ? null : juridicalForm.Trim()) : juridicalFormCac.Trim();

    /// <summary>
    /// How much a denomination is preferred as the official name, lower first, or null when it is not one: only type 001
    /// (the name; 002 is an abbreviation, 003 a commercial name), Dutch (language 2) before French (1), German (3),
    /// English (4) and unknown (0): the agency works in Dutch.
    /// </summary>
    public static int? NameRank(string? typeOfDenomination, string? language) =>
        typeOfDenomination?.Trim() != "001" ? null : language?.Trim() switch { "2" => 0, "1" => 1, "3" => 2, "4" => 3, _ => 4 };

    /// <summary>The official name among an enterprise's denominations: the best rank, then the first in ordinal order (a stable choice).</summary>
    public static string? OfficialName(IEnumerable<(string? Type, string? Language, string? Name)> denominations) =>
        denominations.Select(d => (Rank: NameRank(d.Type, d.Language), d.Name))
            .Where(d => d.Rank is not null && !string.IsNullOrWhiteSpace(d.Name))
            .OrderBy(d => d.Rank).ThenBy(d => d.Name, StringComparer.Ordinal).Select(d => d.Name!.Trim()).FirstOrDefault();

    /// <summary>
    /// How much an activity is preferred as the main one, lower first, or null when it is not a main activity
    /// (Classification MAIN; SECO and ANCI are secondary and auxiliary): the newest NACE version first (2025, 2008, 2003).
    /// </summary>
    public static int? ActivityRank(string? classification, string? naceVersion) =>
        classification?.Trim() != "MAIN" ? null : naceVersion?.Trim() switch { "2025" => 0, "2008" => 1, "2003" => 2, _ => null };

    /// <summary>The main activity: the best rank, then the lowest activity group (001 VAT before 003 social security), then the lowest code.</summary>
    public static (string Code, string Version)? MainActivity(IEnumerable<(string? Group, string? Version, string? Code, string? Classification)> activities) =>
        activities.Select(a => (Rank: ActivityRank(a.Classification, a.Version), a.Group, a.Version, a.Code))
            .Where(a => a.Rank is not null && !string.IsNullOrWhiteSpace(a.Code))
            .OrderBy(a => a.Rank).ThenBy(a => a.Group, StringComparer.Ordinal).ThenBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => ((string Code, string Version)?)(a.Code!.Trim(), a.Version!.Trim())).FirstOrDefault();

    /// <summary>
    /// "62010" in NACE-BEL becomes "62.010"; the first four digits are the NACE Rev. 2 class ("62.01"), the rest the Belgian
    /// subclass. What the KBO writes with a dot already stays.
    /// </summary>
    public static string FormatNace(string code)
    {
        var c = code.Trim();
        return c.Length > 2 && !c.Contains('.', StringComparison.Ordinal) && c.All(char.IsAsciiDigit) ? $"{c[..2]}.{c[2..]}" : c;
    }

    /// <summary>The NACE Rev. 2 class ("62.01") of a NACE-BEL subclass ("62010"): what the member register and open data use.</summary>
    public static string? NaceClass(string? code)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length < 4 ? null : $"{digits[..2]}.{digits[2..4]}";
    }

    /// <summary>TypeOfAddress REGO is the registered office (seat); BAET an establishment's, ABBR a branch's.</summary>
    public static bool IsRegisteredOffice(string? typeOfAddress) => typeOfAddress?.Trim() == "REGO";
}
