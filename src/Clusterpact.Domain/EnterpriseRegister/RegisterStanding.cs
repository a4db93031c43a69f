namespace Clusterpact.Domain.EnterpriseRegister;

/// <summary>What the official enterprise register says of a number typed or imported.</summary>
public enum RegisterStanding
{
    /// <summary>No extract is loaded: nothing can be said, and nothing is refused.</summary>
    NotLoaded,
    Active,

    /// <summary>Once in the register, no longer among its active enterprises: a warning, not a refusal.</summary>
    Stopped,

    /// <summary>Never in the loaded register: refused, as a number typed wrong that passes the mod-97 check would be.</summary>
    Unknown,
}

/// <summary>What the register knows of one enterprise, as Clusterpact keeps it.</summary>
public sealed record RegisterEntry(string EnterpriseNumber, bool IsActive, bool IsNaturalPerson, string? LegalForm, DateOnly? StartDate,
    string? Name, string? NaceCode, string? PostalCode, string? Municipality)
{
    /// <summary>The NUTS 2 region of the registered office's postal code, when it has a Belgian one.</summary>
    public string? NutsRegion => OpenData.BelgianRegions.FromPostalCode(PostalCode) is { IsSuccess: true } r ? r.Value : null;
}

/// <summary>One field where our record and the register disagree.</summary>
public sealed record RegisterDifference(string Field, string? Ours, string? Register);

public static class RegisterCheck
{
    /// <param name="isActive">Null when the register does not hold the number.</param>
    public static RegisterStanding StandingOfActive(bool registerLoaded, bool? isActive) =>
        !registerLoaded ? RegisterStanding.NotLoaded : isActive is not { } active ? RegisterStanding.Unknown : active ? RegisterStanding.Active : RegisterStanding.Stopped;

    public static RegisterStanding StandingOf(bool registerLoaded, RegisterEntry? entry) => StandingOfActive(registerLoaded, entry?.IsActive);

    /// <summary>
    /// The refusal for a number the loaded register does not know; a stopped enterprise is allowed (it may still be a
    /// member, or an old record) and only warned about.
    /// </summary>
    public static DomainError? Refusal(RegisterStanding standing) =>
        standing == RegisterStanding.Unknown ? new DomainError("Register.UnknownNumber", "KBO") : null;

    /// <summary>
    /// Where our record differs from the register: the name (ignoring case and spacing), the NACE code (ours may be the
    /// class, "62.01", of the register's subclass "62010") and the NUTS region. A field the register does not give is
    /// not a difference.
    /// </summary>
    public static IReadOnlyList<RegisterDifference> Differences(string ourName, string? ourNace, string? ourNuts, RegisterEntry entry)
    {
        var list = new List<RegisterDifference>();
        if (entry.Name is { } name && !SameText(ourName, name)) list.Add(new("Name", ourName, name));
        if (entry.NaceCode is { } nace && !(Digits(ourNace) is { Length: > 0 } o && Digits(nace).StartsWith(o, StringComparison.Ordinal)))
            list.Add(new("NaceCode", ourNace, KboRows.FormatNace(nace)));
        if (entry.NutsRegion is { } nuts && !string.Equals(ourNuts?.Trim(), nuts, StringComparison.OrdinalIgnoreCase) && !(ourNuts is { Length: > 4 } n && n.StartsWith(nuts, StringComparison.OrdinalIgnoreCase)))
            list.Add(new("NutsRegion", ourNuts, nuts));
        return list;
    }

    private static string Digits(string? code) => new((code ?? "").Where(char.IsAsciiDigit).ToArray());

    private static bool SameText(string a, string b) =>
        string.Equals(string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', b.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);
}
