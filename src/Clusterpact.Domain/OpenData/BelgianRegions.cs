namespace Clusterpact.Domain.OpenData;

/// <summary>
/// Belgium's NUTS 2 regions (the provinces and the Brussels-Capital Region, NUTS 2021 and 2024) and the mapping of a
/// Belgian postal code onto them. GBER Annex III asks for the beneficiary's region "at NUTS level 2 or below".
/// </summary>
public static class BelgianRegions
{
    /// <summary>The eleven Belgian NUTS 2 codes and their names (Eurostat NUTS 2021).</summary>
    public static IReadOnlyDictionary<string, string> Nuts2 { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["BE10"] = "Région de Bruxelles-Capitale / Brussels Hoofdstedelijk Gewest",
        ["BE21"] = "Prov. Antwerpen",
        ["BE22"] = "Prov. Limburg (BE)",
        ["BE23"] = "Prov. Oost-Vlaanderen",
        ["BE24"] = "Prov. Vlaams-Brabant",
        ["BE25"] = "Prov. West-Vlaanderen",
        ["BE31"] = "Prov. Brabant wallon",
        ["BE32"] = "Prov. Hainaut",
        ["BE33"] = "Prov. Liège",
        ["BE34"] = "Prov. Luxembourg (BE)",
        ["BE35"] = "Prov. Namur",
    };

    /// <summary>
    /// The bpost postal-code ranges by province. Codes were handed out by province (Brabant got 1000-1999 and
    /// 3000-3499 before its 1995 split into Brussels, Walloon and Flemish Brabant), so a range names one NUTS 2
    /// region. A stray municipality across a provincial border would be mapped wrongly: when the register holds a
    /// NUTS code for the organisation as well, <see cref="AidAward.Create"/> refuses a disagreement rather than guess.
    /// </summary>
    private static readonly (int From, int To, string Nuts)[] PostalRanges =
    [
        (1000, 1299, "BE10"), // Brussels-Capital Region (19 municipalities)
        (1300, 1499, "BE31"), // Walloon Brabant
        (1500, 1999, "BE24"), // Flemish Brabant: Halle-Vilvoorde
        (2000, 2999, "BE21"), // Antwerp
        (3000, 3499, "BE24"), // Flemish Brabant: Leuven
        (3500, 3999, "BE22"), // Limburg
        (4000, 4999, "BE33"), // Liège
        (5000, 5999, "BE35"), // Namur
        (6000, 6599, "BE32"), // Hainaut: Charleroi, Thuin
        (6600, 6999, "BE34"), // Luxembourg
        (7000, 7999, "BE32"), // Hainaut: Mons, Tournai, Mouscron
        (8000, 8999, "BE25"), // West Flanders
        (9000, 9999, "BE23"), // East Flanders
    ];

    /// <summary>The NUTS 2 region of a Belgian postal code: four digits, 1000 to 9999.</summary>
    public static Result<string> FromPostalCode(string? postalCode)
    {
        var s = postalCode?.Trim() ?? "";
        if (s.Length != 4 || !s.All(char.IsAsciiDigit)) return Fail("OpenData.PostalCodeInvalid");
        var code = int.Parse(s, CultureInfo.InvariantCulture);
        foreach (var (from, to, nuts) in PostalRanges)
            if (code >= from && code <= to) return Result<string>.Ok(nuts);
        return Fail("OpenData.PostalCodeInvalid");
    }

    /// <summary>
    /// A NUTS code typed or stored in the register, reduced to level 2 ("be211" gives "BE21"); only Belgian codes,
    /// as only Belgian enterprises are published here.
    /// </summary>
    public static Result<string> NormaliseNuts(string? nuts)
    {
        var s = nuts?.Trim().ToUpperInvariant() ?? "";
        if (s.Length is < 4 or > 5) return Fail("OpenData.NutsInvalid");
        var level2 = s[..4];
        // The table's own string, not a copy per award (a million awards at the EU size).
        return Nuts2Codes.TryGetValue(level2, out var code) ? Result<string>.Ok(code) : Fail("OpenData.NutsInvalid");
    }

    private static readonly HashSet<string> Nuts2Codes = new(Nuts2.Keys, StringComparer.Ordinal);

    /// <summary>Whether the region is one of Flanders' five provinces (BE2x).</summary>
    public static bool IsFlemish(string nuts2) => nuts2.StartsWith("BE2", StringComparison.Ordinal) && Nuts2.ContainsKey(nuts2);

    private static Result<string> Fail(string code) => Result<string>.Fail(new DomainError(code, "GBER Annex III (NUTS 2)"));
}
