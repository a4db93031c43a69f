namespace Clusterpact.Domain.Clusters;

/// <summary>
/// A cluster organisation (clusterorganisatie): the legal entity that operates a cluster and the only one
/// that may receive the operating aid (GBER art. 27(1)).
/// </summary>
public sealed class Cluster : IAuditable
{
    public const int NameMaxLength = 200;
    public const int DomainMaxLength = 200;
    public const int WebsiteMaxLength = 300;
    public const int EmailMaxLength = 254;

    private Cluster() { Name = ""; StrategicDomain = ""; OriginCall = ""; }

    public Cluster(string name, ClusterType type, string strategicDomain, string originCall,
        DateOnly? supportStart, DateOnly? supportEnd, ClusterStatus status)
    {
        Id = Guid.CreateVersion7();
        Name = name.Trim();
        Type = type;
        StrategicDomain = strategicDomain.Trim();
        OriginCall = originCall.Trim();
        SupportStart = supportStart;
        SupportEnd = supportEnd;
        Status = status;
    }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public string Name { get; private set; }
    public ClusterType Type { get; private set; }
    public string StrategicDomain { get; private set; }

    /// <summary>The call (oproep) the cluster came from, e.g. "SPC first wave" or "IBN call 1".</summary>
    public string OriginCall { get; private set; }

    public DateOnly? SupportStart { get; private set; }
    public DateOnly? SupportEnd { get; private set; }
    public ClusterStatus Status { get; private set; }

    /// <summary>The cluster organisation's Belgian enterprise number, normalised to 10 digits.</summary>
    public string? EnterpriseNumber { get; private set; }
    public string? Website { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactEmail { get; private set; }

    /// <summary>
    /// The details a cluster manager keeps up to date themselves. Type, dates and status are the agency's
    /// (they follow from the support decision) and change through <see cref="SetSupport"/>.
    /// </summary>
    public Result UpdateContactDetails(string? website, string? contactName, string? contactEmail)
    {
        // The same lengths as the form and the columns, whether the page or the API sends them.
        if (DomainRange.FirstOf(DomainRange.Text(website, WebsiteMaxLength, "Website"), DomainRange.Text(contactName, NameMaxLength, "ContactName"),
                DomainRange.Text(contactEmail, EmailMaxLength, "ContactEmail")) is { } tooLong) return Result.Fail(tooLong);
        website = Clean(website);
        if (website is not null && (!Uri.TryCreate(website, UriKind.Absolute, out _) || !IsHttp(website)))
            return Result.Fail(new DomainError("Cluster.WebsiteInvalid"));
        contactEmail = Clean(contactEmail);
        if (contactEmail is not null && !LooksLikeEmail(contactEmail))
            return Result.Fail(new DomainError("Cluster.ContactEmailInvalid"));
        Website = website;
        ContactName = Clean(contactName);
        ContactEmail = contactEmail;
        return Result.Success;
    }

    public Result Rename(string name, string strategicDomain)
    {
        if (string.IsNullOrWhiteSpace(name)) return Result.Fail(new DomainError("Cluster.NameRequired"));
        if (name.Trim().Length > NameMaxLength) return Result.Fail(new DomainError("Cluster.NameTooLong"));
        if (string.IsNullOrWhiteSpace(strategicDomain)) return Result.Fail(new DomainError("Cluster.DomainRequired"));
        if (DomainRange.Text(strategicDomain, DomainMaxLength, nameof(strategicDomain)) is { } tooLong) return Result.Fail(tooLong);
        Name = name.Trim();
        StrategicDomain = strategicDomain.Trim();
        return Result.Success;
    }

    public Result SetSupport(ClusterStatus status, DateOnly? start, DateOnly? end)
    {
        if (DomainRange.FirstOf(DomainRange.Date(start, "SupportStart"), DomainRange.Date(end, "SupportEnd")) is { } outOfRange) return Result.Fail(outOfRange);
        if (start is not null && end is not null && end < start)
            return Result.Fail(new DomainError("Cluster.EndBeforeStart"));
        if (status == ClusterStatus.Supported && start is null)
            return Result.Fail(new DomainError("Cluster.SupportedNeedsStart"));
        Status = status;
        SupportStart = start;
        SupportEnd = end;
        return Result.Success;
    }

    public void SetEnterpriseNumber(string? normalisedDigits) => EnterpriseNumber = Clean(normalisedDigits);

    private static bool IsHttp(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeEmail(string s)
    {
        var at = s.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == s.LastIndexOf('@') && s.IndexOf('.', at) > at + 1 && !s.EndsWith('.') && !s.Contains(' ', StringComparison.Ordinal);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
