using Clusterpact.Domain.EnterpriseRegister;
using Sylvan.Data.Csv;

namespace Clusterpact.Web.Infrastructure.EnterpriseRegister;

/// <summary>
/// The CSV files of an extract that Clusterpact reads, and what each row becomes in its staging table (null: a row not
/// kept, such as an establishment's, a commercial name or a secondary activity). The rules of what to keep are the
/// domain's (<see cref="KboRows"/>). establishment.csv, contact.csv and branch.csv are not read.
/// </summary>
public sealed record KboFile(string Name, StageTable Table, Func<CsvDataReader, Func<CsvDataReader, object?[]?>> Reader)
{
    /// <summary>The CSV files of a full extract (Cookbook 1.5.1) or an update (1.5.2: a _delete and an _insert per table), in load order.</summary>
    public static IReadOnlyList<KboFile> Of(ExtractType type) => type == ExtractType.Full
        ? [CodeFile, new("enterprise.csv", StageTable.Enterprise, Enterprise), new("denomination.csv", StageTable.Name_, Denomination),
            new("address.csv", StageTable.Address, Address), new("activity.csv", StageTable.Activity, Activity)]
        : [CodeFile, Deleted("enterprise"), new("enterprise_insert.csv", StageTable.Enterprise, Enterprise),
            Deleted("denomination"), new("denomination_insert.csv", StageTable.Name_, Denomination),
            Deleted("address"), new("address_insert.csv", StageTable.Address, Address),
            Deleted("activity"), new("activity_insert.csv", StageTable.Activity, Activity)];

    /// <summary>The codes Clusterpact shows a description of.</summary>
    public static readonly IReadOnlySet<string> CodeCategories = new HashSet<string>(StringComparer.Ordinal)
        { "JuridicalForm", "TypeOfEnterprise", "Nace2003", "Nace2008", "Nace2025" };

    private static readonly KboFile CodeFile = new("code.csv", StageTable.Code, r =>
    {
        int category = r.GetOrdinal("Category"), code = r.GetOrdinal("Code"), language = r.GetOrdinal("Language"), description = r.GetOrdinal("Description");
        return row => CodeCategories.Contains(row.GetString(category)) ? [row.GetString(category), row.GetString(code), row.GetString(language), row.GetString(description)] : null;
    });

    private static KboFile Deleted(string table) => new($"{table}_delete.csv", StageTable.Delete, r =>
        // The delete files hold the entity numbers only (the first column, EntityNumber or EnterpriseNumber).
        row => KboRows.EnterpriseDigits(row.GetFieldSpan(0)) is { } number ? [number, table] : null);

    private static Func<CsvDataReader, object?[]?> Enterprise(CsvDataReader r)
    {
        int number = r.GetOrdinal("EnterpriseNumber"), type = r.GetOrdinal("TypeOfEnterprise"), form = r.GetOrdinal("JuridicalForm"),
            formCac = r.GetOrdinal("JuridicalFormCAC"), start = r.GetOrdinal("StartDate");
        return row => KboRows.EnterpriseDigits(row.GetFieldSpan(number)) is { } n
            ? [n, KboRows.IsNaturalPerson(row.GetString(type)), KboRows.LegalForm(row.GetString(form), row.GetString(formCac)), KboDate.Parse(row.GetString(start))]
            : null;
    }

    private static Func<CsvDataReader, object?[]?> Denomination(CsvDataReader r)
    {
        int number = r.GetOrdinal("EntityNumber"), language = r.GetOrdinal("Language"), type = r.GetOrdinal("TypeOfDenomination"), name = r.GetOrdinal("Denomination");
        return row =>
        {
            if (!row.GetFieldSpan(type).SequenceEqual("001")) return null;
            return KboRows.EnterpriseDigits(row.GetFieldSpan(number)) is { } n && KboRows.NameRank("001", row.GetString(language)) is { } rank
                ? [n, rank, Limit(row.GetString(name), 320)]
                : null;
        };
    }

    private static Func<CsvDataReader, object?[]?> Address(CsvDataReader r)
    {
        int number = r.GetOrdinal("EntityNumber"), type = r.GetOrdinal("TypeOfAddress"), zip = r.GetOrdinal("Zipcode"),
            nl = r.GetOrdinal("MunicipalityNL"), fr = r.GetOrdinal("MunicipalityFR"), struck = r.GetOrdinal("DateStrikingOff");
        return row =>
        {
            if (!KboRows.IsRegisteredOffice(row.GetString(type))) return null;
            if (KboRows.EnterpriseDigits(row.GetFieldSpan(number)) is not { } n) return null;
            var municipality = row.GetString(nl) is { Length: > 0 } dutch ? dutch : row.GetString(fr);
            // A crossed-out seat address is still the last one known, but one that is not crossed out comes first.
            return [n, row.GetFieldSpan(struck).IsWhiteSpace() ? 0 : 1, Empty(Limit(row.GetString(zip), 20)), Empty(Limit(municipality, 200))];
        };
    }

    private static Func<CsvDataReader, object?[]?> Activity(CsvDataReader r)
    {
        int number = r.GetOrdinal("EntityNumber"), group = r.GetOrdinal("ActivityGroup"), version = r.GetOrdinal("NaceVersion"),
            code = r.GetOrdinal("NaceCode"), classification = r.GetOrdinal("Classification");
        return row =>
        {
            // Tens of millions of rows: the test on the span keeps secondary and auxiliary activities from making strings.
            if (!row.GetFieldSpan(classification).SequenceEqual("MAIN")) return null;
            var v = row.GetString(version);
            return KboRows.ActivityRank("MAIN", v) is { } rank && KboRows.EnterpriseDigits(row.GetFieldSpan(number)) is { } n
                ? [n, rank, row.GetString(group), Limit(row.GetString(code), 10), v]
                : null;
        };
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? Limit(string? s, int max) => s is null || s.Length <= max ? s : s[..max];

    /// <summary>The KBO's CSV dialect (Cookbook 1.5.1): comma, double quotes, a header row, UTF-8.</summary>
    public static CsvDataReader Read(TextReader text) =>
        CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', Quote = '"', Comment = '\0', OwnsReader = false, BufferSize = 1 << 16 });
}
