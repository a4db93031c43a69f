namespace Clusterpact.Web.Data.Seed;

/// <summary>The demo users, one per role (two cluster managers, to show that each sees only their own cluster; two experts, so a call has a panel).</summary>
public static class DemoLogins
{
    /// <summary>Meets the password rules; for the demo data only, printed at start.</summary>
    public const string Password = "Clusterpact-2026";

    /// <param name="AffiliationNumber">The enterprise number of the affiliation, where it is a Belgian organisation.</param>
    public sealed record DemoLogin(string Email, string DisplayName, string Role, string? Cluster, string? Affiliation, string? AffiliationNumber = null);

    public static readonly IReadOnlyList<DemoLogin> All =
    [
        new("admin@clusterpact.demo", "An Peeters", Roles.Administrator, null, "VLAIO"),
        new("officer@clusterpact.demo", "Koen Janssens", Roles.ProgrammeOfficer, null, "VLAIO"),
        new("manager.catalisti@clusterpact.demo", "Sofie Maes", Roles.ClusterManager, "Catalisti", "Catalisti"),
        new("manager.flux50@clusterpact.demo", "Pieter Claes", Roles.ClusterManager, "Flux50", "Flux50"),
        new("expert@clusterpact.demo", "Dr. Ingrid Lindqvist", Roles.ExternalExpert, null, "Lund University"),
        new("expert2@clusterpact.demo", "Prof. Dirk Vermeulen", Roles.ExternalExpert, null, "Universiteit Gent", "0248015142"),
        new("reader@clusterpact.demo", "Els Wouters", Roles.Reader, null, "Kabinet van de minister van Innovatie"),
        new("applicant@clusterpact.demo", "Lotte Van den Broeck", Roles.Applicant, null, "Vlaamse Waterstofcluster vzw", "0765432146"),
    ];
}
