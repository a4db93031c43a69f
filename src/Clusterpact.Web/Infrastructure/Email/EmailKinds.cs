namespace Clusterpact.Web.Infrastructure.Email;

/// <summary>
/// One kind of e-mail the product sends: its outbox category, the roles of the accounts that may receive it (empty when
/// it goes to an address that is not an account, such as a member's survey contact), and whether a person may turn it off.
/// </summary>
public sealed record EmailKind(string Category, IReadOnlyList<string> Roles, bool CanTurnOff)
{
    /// <summary>The kind's short name, as the outbox lists it (resource key).</summary>
    public string LabelKey => $"EmailCategory.{Category}";

    /// <summary>When it is sent, in a sentence (resource key).</summary>
    public string WhenKey => $"EmailCategory.{Category}.When";
}

/// <summary>
/// Every kind of e-mail the product sends, in one list: the per-person settings page offers the ones that can be turned
/// off, the outbox skips a kind a person turned off, and a test holds the README's list of e-mails to it.
/// </summary>
public static class EmailKinds
{
    /// <summary>The category of the mail an expert gets when the agency puts them on an application's panel.</summary>
    public const string ExpertAssigned = "Assignment.Assigned";

    /// <summary>The outbox category of a lifecycle step's mail: the table's name and the step, e.g. "Report.Return".</summary>
    public static string OfStep(string lifecycle, string step) => $"{lifecycle}.{step}";

    public static IReadOnlyList<string> RolesOf(Recipients recipients) =>
    [
        .. recipients.HasFlag(Recipients.Applicant) ? new[] { Auth.Roles.Applicant, Auth.Roles.ClusterManager } : [],
        .. recipients.HasFlag(Recipients.ClusterManagers) ? new[] { Auth.Roles.ClusterManager } : [],
        .. recipients.HasFlag(Recipients.ProgrammeOfficers) ? new[] { Auth.Roles.ProgrammeOfficer } : [],
        .. recipients.HasFlag(Recipients.Panel) ? new[] { Auth.Roles.ExternalExpert } : [],
    ];

    public static readonly IReadOnlyList<EmailKind> All =
    [
        .. StepNotices.Told.Select(n => new EmailKind(OfStep(n.Lifecycle, n.Step), RolesOf(n.Recipients).Distinct().ToList(), CanTurnOff: true)),
        new(ExpertAssigned, [Auth.Roles.ExternalExpert], CanTurnOff: true),
        new("AnnualReport.DueSoon", [Auth.Roles.ClusterManager], CanTurnOff: true),
        new("AnnualReport.Overdue", [Auth.Roles.ClusterManager], CanTurnOff: true),
        new("CofinancingDeposit.DueSoon", [Auth.Roles.ClusterManager, Auth.Roles.ProgrammeOfficer], CanTurnOff: true),
        new("CofinancingDeposit.Late", [Auth.Roles.ClusterManager, Auth.Roles.ProgrammeOfficer], CanTurnOff: true),
        // To a member's contact address, which is not an account: the survey itself is voluntary and anonymous.
        new("Survey.Invitation", [], CanTurnOff: false),
        new("Survey.Reminder", [], CanTurnOff: false),
    ];

    public static EmailKind? Find(string category) => All.FirstOrDefault(k => k.Category == category);

    /// <summary>Whether a mail of this category may be skipped for a person who turned it off.</summary>
    public static bool CanTurnOff(string category) => Find(category)?.CanTurnOff == true;

    /// <summary>The kinds a person with these roles can receive and turn off: what the settings page lists.</summary>
    public static IReadOnlyList<EmailKind> ChoicesFor(Func<string, bool> isInRole) =>
        All.Where(k => k.CanTurnOff && k.Roles.Any(isInRole)).ToList();
}
