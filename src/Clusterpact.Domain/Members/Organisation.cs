using Clusterpact.Domain.Common;

namespace Clusterpact.Domain.Members;

/// <summary>
/// A member organisation, once in the whole system (a company, knowledge institution, government body or
/// civil-society organisation: the quadruple helix).
/// </summary>
public sealed class Organisation : IAuditable
{
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
    public bool InternationallyActive { get; private set; }

    /// <summary>Size class of the latest year with figures (Recommendation 2003/361/EC).</summary>
    public SizeClass? SizeClass { get; private set; }

    public void SetSizeClass(SizeClass? sizeClass) => SizeClass = sizeClass;
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

    public bool IsActiveOn(DateOnly date) => From <= date && (Until is null || date <= Until);
}
