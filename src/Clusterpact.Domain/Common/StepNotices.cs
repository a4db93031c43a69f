using Clusterpact.Domain.Calls;
using Clusterpact.Domain.Evaluations;
using Clusterpact.Domain.Funding;
using Clusterpact.Domain.Projects;
using Clusterpact.Domain.Reports;

namespace Clusterpact.Domain.Common;

/// <summary>The people a step of a lifecycle concerns, besides the person who takes it.</summary>
[Flags]
public enum Recipients
{
    /// <summary>Nobody outside the person who took the step needs to know (declared on purpose, never by omission).</summary>
    Nobody = 0,

    /// <summary>The owner of the application.</summary>
    Applicant = 1,

    /// <summary>The active managers of the record's cluster (every cluster of a project).</summary>
    ClusterManagers = 2,

    /// <summary>The agency's active programme officers, who follow the file.</summary>
    ProgrammeOfficers = 4,

    /// <summary>The experts on an application's panel who have not declared a conflict.</summary>
    Panel = 8,
}

/// <summary>
/// Who is told of each step of each lifecycle table, by e-mail in their own language. Every step of every table has a
/// line here (a test walks the tables), so a new step cannot be added without deciding who hears of it. The web layer
/// sends the mail when it sees the state change being saved, whichever page, endpoint or job made it.
/// </summary>
public static class StepNotices
{
    private static readonly Dictionary<(string Lifecycle, string Step), Recipients> Table = new()
    {
        // The agency checks a submitted report; the cluster hears whether it was returned (with the remark) or accepted.
        [(ReportLifecycle.Rules.Name, ReportLifecycle.Submit)] = Recipients.ProgrammeOfficers,
        [(ReportLifecycle.Rules.Name, ReportLifecycle.Return)] = Recipients.ClusterManagers,
        [(ReportLifecycle.Rules.Name, ReportLifecycle.Accept)] = Recipients.ClusterManagers,

        // The applicant gets a receipt of the submission and every decision about it; the agency hears of a new or
        // withdrawn application; the panel may score once the review starts.
        [(ApplicationLifecycle.Rules.Name, ApplicationLifecycle.Submit)] = Recipients.Applicant | Recipients.ProgrammeOfficers,
        [(ApplicationLifecycle.Rules.Name, ApplicationLifecycle.Withdraw)] = Recipients.ProgrammeOfficers,
        [(ApplicationLifecycle.Rules.Name, ApplicationLifecycle.MarkEligible)] = Recipients.Applicant,
        [(ApplicationLifecycle.Rules.Name, ApplicationLifecycle.MarkIneligible)] = Recipients.Applicant,
        [(ApplicationLifecycle.Rules.Name, ApplicationLifecycle.StartReview)] = Recipients.Panel,
        [(ApplicationLifecycle.Rules.Name, ApplicationLifecycle.Decide)] = Recipients.Applicant,

        // A declared conflict leaves the panel short: the agency must assign someone else. No conflict needs nothing.
        [(AssignmentLifecycle.Rules.Name, AssignmentLifecycle.DeclareNoConflict)] = Recipients.Nobody,
        [(AssignmentLifecycle.Rules.Name, AssignmentLifecycle.DeclareConflict)] = Recipients.ProgrammeOfficers,

        // The cluster supplies data when collection starts and hears the decision; the panel and the draft are the agency's own work.
        [(EvaluationLifecycle.Rules.Name, EvaluationLifecycle.StartDataCollection)] = Recipients.ClusterManagers,
        [(EvaluationLifecycle.Rules.Name, EvaluationLifecycle.ConveneExpertPanel)] = Recipients.Nobody,
        [(EvaluationLifecycle.Rules.Name, EvaluationLifecycle.DraftReport)] = Recipients.Nobody,
        [(EvaluationLifecycle.Rules.Name, EvaluationLifecycle.Decide)] = Recipients.ClusterManagers,

        // Every decision on a project is the cluster's business.
        [(Project.Lifecycle.Name, ProjectStep.Approve)] = Recipients.ClusterManagers,
        [(Project.Lifecycle.Name, ProjectStep.Reject)] = Recipients.ClusterManagers,
        [(Project.Lifecycle.Name, ProjectStep.Start)] = Recipients.ClusterManagers,
        [(Project.Lifecycle.Name, ProjectStep.Complete)] = Recipients.ClusterManagers,
        [(Project.Lifecycle.Name, ProjectStep.Stop)] = Recipients.ClusterManagers,

        // The cluster organisation waits for its operating aid.
        [(AidPayment.Lifecycle.Name, AidPayment.Approve)] = Recipients.ClusterManagers,
        [(AidPayment.Lifecycle.Name, AidPayment.Reject)] = Recipients.ClusterManagers,
        [(AidPayment.Lifecycle.Name, AidPayment.MarkPaid)] = Recipients.ClusterManagers,
    };

    /// <summary>Whether the step has a declared audience (possibly <see cref="Recipients.Nobody"/>).</summary>
    public static bool IsDeclared(string lifecycle, string step) => Table.ContainsKey((lifecycle, step));

    /// <summary>Who is told of the step; a step nobody declared is a programming error, not silence.</summary>
    public static Recipients For(string lifecycle, string step) =>
        Table.TryGetValue((lifecycle, step), out var audience) ? audience
            : throw new InvalidOperationException($"Lifecycle {lifecycle}: step {step} has no declared audience in {nameof(StepNotices)}.");

    /// <summary>Every step somebody is told of, as (lifecycle, step, audience), in the order of the table.</summary>
    public static IEnumerable<(string Lifecycle, string Step, Recipients Recipients)> Told =>
        Table.Where(kv => kv.Value != Recipients.Nobody).Select(kv => (kv.Key.Lifecycle, kv.Key.Step, kv.Value));
}
