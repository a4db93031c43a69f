using Clusterpact.Domain.EnterpriseRegister;

namespace Clusterpact.Web.Infrastructure.EnterpriseRegister;

/// <summary>What the register says of one number: its standing, what it knows, and the extract it comes from.</summary>
public sealed record RegisterAnswer(RegisterStanding Standing, RegisterEntry? Entry, DateOnly? SnapshotDate, string? LegalFormText, string? NaceText)
{
    /// <summary>Where the data comes from, for the person who reads it: "KBO, extract of 06-11-2026".</summary>
    public DateOnly? Source => SnapshotDate;
}

/// <summary>
/// Answers for typed and imported enterprise numbers from the loaded register; when no extract is loaded it answers
/// <see cref="RegisterStanding.NotLoaded"/> and the forms keep their behaviour from before the register.
/// </summary>
public sealed class EnterpriseRegisterLookup(ClusterpactDbContext db)
{
    private (bool Loaded, DateOnly? Snapshot)? _state;

    /// <summary>Whether a load completed, and the snapshot day of the latest.</summary>
    public async Task<(bool Loaded, DateOnly? Snapshot)> StateAsync(CancellationToken ct)
    {
        if (_state is { } s) return s;
        var snapshot = await db.RegisterLoads.AsNoTracking().Where(l => l.Completed).OrderByDescending(l => l.ExtractNumber)
            .Select(l => (DateOnly?)l.SnapshotDate).FirstOrDefaultAsync(ct);
        _state = (snapshot is not null, snapshot);
        return _state.Value;
    }

    public async Task<RegisterAnswer> FindAsync(string digits, string language, CancellationToken ct)
    {
        var (loaded, snapshot) = await StateAsync(ct);
        if (!loaded) return new RegisterAnswer(RegisterStanding.NotLoaded, null, null, null, null);
        var row = await db.RegisterEnterprises.AsNoTracking().Where(e => e.EnterpriseNumber == digits).SingleOrDefaultAsync(ct);
        var entry = row is null ? null : ToEntry(row);
        var standing = RegisterCheck.StandingOf(true, entry);
        if (row is null) return new RegisterAnswer(standing, null, snapshot, null, null);
        var form = row.LegalForm is null ? null : await DescribeAsync("JuridicalForm", row.LegalForm, language, ct);
        var nace = row.NaceCode is null ? null : await DescribeAsync("Nace" + row.NaceVersion, row.NaceCode, language, ct);
        return new RegisterAnswer(standing, entry, snapshot, form, nace);
    }

    /// <summary>Standings of many numbers at once (an import): unknown numbers are absent from the answer.</summary>
    public async Task<IReadOnlyDictionary<string, bool>> ActiveByNumberAsync(IReadOnlyCollection<string> digits, CancellationToken ct)
    {
        var found = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var chunk in digits.Distinct().Chunk(1000))
            foreach (var e in await db.RegisterEnterprises.AsNoTracking().Where(e => chunk.Contains(e.EnterpriseNumber)).Select(e => new { e.EnterpriseNumber, e.IsActive }).ToListAsync(ct))
                found[e.EnterpriseNumber] = e.IsActive;
        return found;
    }

    public static RegisterEntry ToEntry(RegisterEnterprise e) =>
        new(e.EnterpriseNumber, e.IsActive, e.IsNaturalPerson, e.LegalForm, e.StartDate, e.Name, e.NaceCode, e.PostalCode, e.Municipality);

    /// <summary>A code's description in the reader's language, Dutch when there is none in it (the KBO has no English yet).</summary>
    private async Task<string?> DescribeAsync(string category, string code, string language, CancellationToken ct)
    {
        var lang = language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "EN" : "NL";
        var texts = await db.RegisterCodes.AsNoTracking().Where(c => c.Category == category && c.Code == code && (c.Language == lang || c.Language == "NL"))
            .Select(c => new { c.Language, c.Description }).ToListAsync(ct);
        return (texts.FirstOrDefault(t => t.Language == lang) ?? texts.FirstOrDefault())?.Description;
    }
}
