namespace Clusterpact.Domain.Calls;

public enum ConflictReason
{
    /// <summary>The expert's own organisation committed to the proposal: it would judge a plan it takes part in.</summary>
    OrganisationIsConsortiumMember,
    /// <summary>The expert works for the applicant.</summary>
    EmployerIsApplicant,
    /// <summary>The expert's own organisation is the applicant.</summary>
    OrganisationIsApplicant,
    /// <summary>The expert works for a company or institution that committed to the proposal.</summary>
    EmployerIsConsortiumMember,
}

/// <summary>A likely conflict of interest, with the enterprise number that links the expert to the application.</summary>
public sealed record ConflictFlag(ConflictReason Reason, string EnterpriseNumber);

/// <summary>
/// Flags likely conflicts of interest before an expert sees an application, so the jury stays independent (SERV
/// advice 2015, §4.5: independent external experts). It compares enterprise numbers, not names, so "Agoria vzw" and
/// "AGORIA" cannot slip past each other and two different companies with similar names are not confused. A flag is a
/// prompt for the expert's declaration, not a verdict; an expert can have conflicts no register shows.
/// </summary>
public static class ConflictDetector
{
    public static IReadOnlyList<ConflictFlag> Detect(string? expertOrganisation, string? expertEmployer, string? applicant, IEnumerable<string?> consortiumMembers)
    {
        var organisation = Normalise(expertOrganisation);
        var employer = Normalise(expertEmployer);
        var applicantNumber = Normalise(applicant);
        var members = consortiumMembers.Select(Normalise).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var flags = new List<ConflictFlag>();
        if (organisation is not null && members.Contains(organisation)) flags.Add(new(ConflictReason.OrganisationIsConsortiumMember, organisation));
        if (employer is not null && employer == applicantNumber) flags.Add(new(ConflictReason.EmployerIsApplicant, employer));
        if (organisation is not null && organisation == applicantNumber) flags.Add(new(ConflictReason.OrganisationIsApplicant, organisation));
        if (employer is not null && members.Contains(employer)) flags.Add(new(ConflictReason.EmployerIsConsortiumMember, employer));
        return flags;
    }

    /// <summary>Only a valid enterprise number takes part: a blank or mistyped one matches nothing, rather than matching every other blank.</summary>
    private static string? Normalise(string? input) => EnterpriseNumber.TryParse(input, out var number) ? number.Digits : null;
}
