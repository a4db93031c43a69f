using System.Security.Claims;

namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>The roles of the system; role names are stable identifiers, their labels come from the resources.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string ProgrammeOfficer = "ProgrammeOfficer";
    public const string ClusterManager = "ClusterManager";
    public const string ExternalExpert = "ExternalExpert";
    public const string Reader = "Reader";

    /// <summary>A (future) cluster organisation that applies to a call; sees only its own applications.</summary>
    public const string Applicant = "Applicant";

    public static readonly IReadOnlyList<string> All = [Administrator, ProgrammeOfficer, ClusterManager, ExternalExpert, Reader, Applicant];

    /// <summary>Agency staff run the programme: administrators and programme officers (the policy <see cref="Policies.AgencyStaff"/>).</summary>
    public static readonly IReadOnlyList<string> AgencyStaff = [Administrator, ProgrammeOfficer];

    /// <summary>Who sees every cluster: agency staff and readers (the policy <see cref="Policies.ProgrammeView"/>).</summary>
    public static readonly IReadOnlyList<string> WholeProgramme = [Administrator, ProgrammeOfficer, Reader];

    public static bool IsAgencyStaff(ClaimsPrincipal user) => AgencyStaff.Any(user.IsInRole);

    public static bool SeesAllClusters(ClaimsPrincipal user) => WholeProgramme.Any(user.IsInRole);
}

/// <summary>Authorization policies, declared once and applied to folders and route groups, never per page by memory.</summary>
public static class Policies
{
    /// <summary>Any signed-in person, whatever their role (their own profile, the progress of their own jobs).</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Agency administrators: users, scopes, audit trail.</summary>
    public const string Administration = "Administration";

    /// <summary>Agency staff who manage the programme (administrators and programme officers).</summary>
    public const string AgencyStaff = "AgencyStaff";

    /// <summary>Who may change cluster data: agency staff, and cluster managers for their own clusters.</summary>
    public const string ClusterEditing = "ClusterEditing";

    /// <summary>Who may look at cluster data at all: agency staff, readers, and cluster managers (scoped to their own).</summary>
    public const string ClusterData = "ClusterData";

    /// <summary>
    /// Who looks at the programme as a whole and the agency's own planning (dashboard, answer pack, budget planner):
    /// agency staff and readers, who see every cluster; not cluster managers.
    /// </summary>
    public const string ProgrammeView = "ProgrammeView";

    /// <summary>Who may apply to calls: applicants, and cluster managers for the organisations they run.</summary>
    public const string Applying = "Applying";

    /// <summary>External experts, who see only the applications assigned to them.</summary>
    public const string Reviewing = "Reviewing";

    /// <summary>Who keeps machine clients (API tokens, webhooks): administrators, and cluster managers for their own cluster.</summary>
    public const string MachineClients = "MachineClients";
}
