namespace Clusterpact.Domain.Members;

/// <summary>
/// A member organisation, once in the whole system (a company, knowledge institution, government body or
/// civil-society organisation: the quadruple helix), identified by its Belgian enterprise number or, for a
/// foreign member, its country and national or VAT id.
/// </summary>
public sealed class Organisation : IAuditable
{
    private readonly List<OrganisationFigures> _figures = [];

    public const int NameMaxLength = 300;
    public const int JustificationMaxLength = 1000;

    private Organisation() { Name = ""; CountryCode = "BE"; }

    public Organisation(string name, OrganisationKind kind, string? enterpriseNumber, string countryCode, bool internationallyActive)
    {
        Id = Guid.CreateVersion7();
        Name = name.Trim();
        Kind = kind;
        EnterpriseNumber = enterpriseNumber;
        CountryCode = countryCode;
        InternationallyActive = internationallyActive;
    }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public string Name { get; private set; }
    public OrganisationKind Kind { get; private set; }

    /// <summary>Belgian enterprise number (KBO), 10 digits; null for foreign members.</summary>
    public string? EnterpriseNumber { get; private set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string CountryCode { get; private set; }

    /// <summary>National or VAT id of a foreign member, upper case without spaces.</summary>
    public string? ForeignId { get; private set; }

    public bool InternationallyActive { get; private set; }

    /// <summary>NACE Rev. 2 code, e.g. "20.16".</summary>
    public string? NaceCode { get; private set; }

    /// <summary>NUTS region, e.g. "BE21" (province of Antwerp).</summary>
    public string? NutsRegion { get; private set; }

    /// <summary>
    /// The size class in force: the override when there is one, otherwise the class from the yearly figures with
    /// the two-consecutive-years rule (Recommendation 2003/361/EC art. 4(2)). Stored so KPI shares run in SQL.
    /// </summary>
    public SizeClass? SizeClass { get; private set; }

    /// <summary>Set by the agency for linked or partner enterprises (art. 3), whose own figures understate their size.</summary>
    public SizeClass? SizeOverride { get; private set; }
    public string? SizeOverrideJustification { get; private set; }

    /// <summary>The size figures by year (not the order a database returns them in).</summary>
    public IReadOnlyList<OrganisationFigures> Figures => _figures.OrderBy(f => f.Year).ToList();

    /// <summary>The key an import recognises the organisation by.</summary>
    public string RegisterKey => EnterpriseNumber ?? $"{CountryCode}:{ForeignId}";

    public static Organisation Foreign(string name, OrganisationKind kind, string countryCode, string foreignId, bool internationallyActive) =>
        new(name, kind, null, countryCode, internationallyActive) { ForeignId = foreignId };

    public void Describe(string name, OrganisationKind kind, bool? internationallyActive, string? naceCode, string? nutsRegion)
    {
        Name = name.Trim();
        Kind = kind;
        if (internationallyActive is { } ia) InternationallyActive = ia;
        if (!string.IsNullOrWhiteSpace(naceCode)) NaceCode = naceCode.Trim();
        if (!string.IsNullOrWhiteSpace(nutsRegion)) NutsRegion = nutsRegion.Trim().ToUpperInvariant();
    }

    /// <summary>Size figures in their ranges: a year of 2000-2100, a headcount in annual work units, amounts in EUR.</summary>
    public static DomainError? CheckFigures(int year, decimal? headcount, decimal? turnoverEur, decimal? balanceSheetEur) =>
        DomainRange.FirstOf(DomainRange.Year(year, nameof(year)), DomainRange.Count(headcount, nameof(headcount)),
            DomainRange.Amount(turnoverEur, nameof(turnoverEur)), DomainRange.Amount(balanceSheetEur, nameof(balanceSheetEur)));

    /// <summary>Records (or corrects) one year's size data and recomputes the class.</summary>
    public Result RecordFigures(int year, decimal? headcount, decimal? turnoverEur, decimal? balanceSheetEur)
    {
        if (CheckFigures(year, headcount, turnoverEur, balanceSheetEur) is { } outOfRange) return Result.Fail(outOfRange);
        if (headcount is null && turnoverEur is null && balanceSheetEur is null) return Result.Success;
        var existing = _figures.FirstOrDefault(f => f.Year == year);
        if (existing is null) _figures.Add(new OrganisationFigures(year, headcount, turnoverEur, balanceSheetEur));
        else existing.Correct(headcount, turnoverEur, balanceSheetEur);
        Reclassify();
        return Result.Success;
    }

    public Result OverrideSize(SizeClass sizeClass, string? justification)
    {
        if (string.IsNullOrWhiteSpace(justification) || justification.Trim().Length < 10)
            return Result.Fail(new DomainError("Sme.OverrideNeedsJustification", "2003/361/EC art. 3"));
        if (DomainRange.Text(justification, JustificationMaxLength, nameof(justification)) is { } tooLong) return Result.Fail(tooLong);
        SizeOverride = sizeClass;
        SizeOverrideJustification = justification.Trim();
        Reclassify();
        return Result.Success;
    }

    public void ClearSizeOverride()
    {
        SizeOverride = null;
        SizeOverrideJustification = null;
        Reclassify();
    }

    /// <summary>Demo data and migrations from older systems know only the class.</summary>
    public void SetSizeClass(SizeClass? sizeClass) => SizeClass = sizeClass;

    private void Reclassify()
    {
        if (SizeOverride is { } o) { SizeClass = o; return; }
        if (Kind != OrganisationKind.Company) { SizeClass = null; return; }
        var byYear = SmeClassifier.ClassifyOverYears(_figures.Select(f => new SizeFigures(f.Year, f.Headcount, f.TurnoverEur, f.BalanceSheetEur)));
        SizeClass = byYear.Count == 0 ? SizeClass : byYear[^1].Class ?? SizeClass;
    }
}

/// <summary>Size data of one financial year: annual work units and euro amounts.</summary>
public sealed class OrganisationFigures
{
    private OrganisationFigures() { }

    public OrganisationFigures(int year, decimal? headcount, decimal? turnoverEur, decimal? balanceSheetEur)
    {
        Year = year;
        Headcount = headcount;
        TurnoverEur = turnoverEur;
        BalanceSheetEur = balanceSheetEur;
    }

    public int Year { get; private set; }
    public decimal? Headcount { get; private set; }
    public decimal? TurnoverEur { get; private set; }
    public decimal? BalanceSheetEur { get; private set; }

    /// <summary>A figure left empty keeps the value recorded before.</summary>
    internal void Correct(decimal? headcount, decimal? turnoverEur, decimal? balanceSheetEur)
    {
        Headcount = headcount ?? Headcount;
        TurnoverEur = turnoverEur ?? TurnoverEur;
        BalanceSheetEur = balanceSheetEur ?? BalanceSheetEur;
    }
}

/// <summary>An organisation's membership of one cluster over a period.</summary>
public sealed class Membership : IAuditable
{
    private Membership() { }

    public Membership(Guid organisationId, Guid clusterId, DateOnly from, DateOnly? until, MembershipRole role, decimal? yearlyFee)
    {
        Id = Guid.CreateVersion7();
        OrganisationId = organisationId;
        ClusterId = clusterId;
        From = from;
        Until = until;
        Role = role;
        YearlyFee = yearlyFee;
    }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ClusterId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? Until { get; private set; }
    public MembershipRole Role { get; private set; }

    /// <summary>Membership fee in EUR per year.</summary>
    public decimal? YearlyFee { get; private set; }

    /// <summary>The member's contact for this cluster: where survey invitations go.</summary>
    public string? ContactEmail { get; private set; }

    /// <summary>Sets (or clears) the contact address; a value that is not an e-mail address is refused.</summary>
    public Result SetContact(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) { ContactEmail = null; return Result.Success; }
        var e = email.Trim().ToLowerInvariant();
        if (!IsEmail(e)) return Result.Fail(new DomainError("Membership.ContactInvalid"));
        ContactEmail = e;
        return Result.Success;
    }

    /// <summary>One @, a dot in the domain, no spaces, at most 254 characters (RFC 5321).</summary>
    public static bool IsEmail(string e) =>
        e.Length <= 254 && e.Count(c => c == '@') == 1 && e.IndexOf('@') > 0 && e[(e.IndexOf('@') + 1)..] is var d && d.Contains('.') && !d.StartsWith('.') && !d.EndsWith('.')
        && !e.Any(char.IsWhiteSpace);

    public bool IsActiveOn(DateOnly date) => From <= date && (Until is null || date <= Until);

    /// <summary>The terms of a membership: a period from 2000 to 2100 that ends after it starts, and a fee in EUR that is not negative.</summary>
    public static Result Check(DateOnly from, DateOnly? until, decimal? yearlyFee)
    {
        if (DomainRange.FirstOf(DomainRange.Date(from, nameof(From)), DomainRange.Date(until, nameof(Until))) is { } badDate) return Result.Fail(badDate);
        if (until is { } u && u < from) return Result.Fail(new DomainError("Membership.UntilBeforeFrom", null, nameof(Until)));
        if (yearlyFee < 0) return Result.Fail(new DomainError("Membership.NegativeFee", null, nameof(YearlyFee)));
        if (DomainRange.Amount(yearlyFee, nameof(YearlyFee)) is { } badFee) return Result.Fail(badFee);
        return Result.Success;
    }

    /// <summary>An import or the cluster manager updates the terms of a running membership.</summary>
    public Result Update(DateOnly? until, MembershipRole role, decimal? yearlyFee)
    {
        if (Check(From, until, yearlyFee) is { IsSuccess: false } refused) return refused;
        Until = until;
        Role = role;
        YearlyFee = yearlyFee;
        return Result.Success;
    }
}
