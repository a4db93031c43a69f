namespace Clusterpact.Domain.EnterpriseRegister;

/// <summary>A full extract holds every active enterprise; an update holds the changes since the extract before it.</summary>
public enum ExtractType { Full, Update }

/// <summary>
/// What meta.csv of a KBO Open Data file says about it (FOD Economie, "Cookbook KBO Open data" 2.1): the day of the
/// snapshot, when the file was made, full or update, its sequence number (one more each month) and the format version.
/// </summary>
public sealed record ExtractMeta(DateOnly SnapshotDate, string? ExtractTimestamp, ExtractType Type, int Number, string? Version)
{
    /// <summary>Reads the Variable/Value pairs of meta.csv; the snapshot date, type and number are required.</summary>
    public static Result<ExtractMeta> Parse(IEnumerable<(string Variable, string? Value)> pairs)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, value) in pairs) values[variable.Trim()] = value?.Trim();
        if (!values.TryGetValue("SnapshotDate", out var snapshot) || KboDate.Parse(snapshot) is not { } snapshotDate) return Fail("Register.MetaSnapshotDate");
        if (!values.TryGetValue("ExtractNumber", out var number) || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            return Fail("Register.MetaExtractNumber");
        ExtractType? type = values.TryGetValue("ExtractType", out var t) ? t?.ToLowerInvariant() switch { "full" => ExtractType.Full, "update" => ExtractType.Update, _ => null } : null;
        if (type is null) return Fail("Register.MetaExtractType");
        values.TryGetValue("ExtractTimestamp", out var timestamp);
        values.TryGetValue("Version", out var version);
        return Result<ExtractMeta>.Ok(new ExtractMeta(snapshotDate, timestamp, type.Value, n, version));
    }

    private static Result<ExtractMeta> Fail(string code) => Result<ExtractMeta>.Fail(new DomainError(code, "Cookbook KBO Open data 2.1"));
}

/// <summary>Dates in the KBO files are written dd-mm-yyyy (Cookbook 1.5.1).</summary>
public static class KboDate
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
