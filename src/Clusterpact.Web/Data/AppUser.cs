using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Data;

/// <summary>A person who signs in: agency staff, cluster managers, experts, readers.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() { Id = Guid.CreateVersion7(); SecurityStamp = Guid.NewGuid().ToString(); }

    public string DisplayName { get; set; } = "";

    /// <summary>Organisation the person works for (the expert's employer matters for conflicts of interest).</summary>
    public string? Affiliation { get; set; }

    /// <summary>
    /// The enterprise number of that organisation (10 digits): an expert's employer, checked against applicants and
    /// their committed members for conflicts of interest; an applicant's organisation, prefilled on their applications.
    /// </summary>
    public string? AffiliationEnterpriseNumber { get; set; }

    /// <summary>Preferred UI language ("nl" or "en").</summary>
    public string PreferredCulture { get; set; } = "nl";

    public bool IsActive { get; set; } = true;

    public List<UserClusterScope> ClusterScopes { get; set; } = [];
}
