namespace Clusterpact.Domain.Calls;

/// <summary>
/// Draft -> Submitted -> Eligible -> UnderReview -> Decided, or Submitted -> Ineligible; the applicant may withdraw a
/// submitted application until it is decided or found ineligible.
/// </summary>
public enum ApplicationStatus { Draft, Submitted, Withdrawn, Eligible, Ineligible, UnderReview, Decided }

/// <summary>The decision of the Hermes fund's decision committee on an application.</summary>
public enum ApplicationOutcome { Granted, Refused, GrantedWithConditions }

/// <summary>Who takes a step: the applicant (the cluster organisation) or the agency (VLAIO's programme officers).</summary>
public enum ApplicationActor { Applicant, Agency }

/// <summary>One allowed step: from, to, who may take it, and whether a written reason must go with it.</summary>
public sealed record ApplicationTransitionRule(ApplicationStatus From, ApplicationStatus To, ApplicationActor Actor, bool NoteRequired);

/// <summary>
/// The application lifecycle as one table. Pages derive their buttons and authorisation from it, the aggregate refuses
/// any step not in it, and tests walk it, so the three cannot drift apart.
/// </summary>
public static class ApplicationLifecycle
{
    public static readonly IReadOnlyList<ApplicationTransitionRule> Rules =
    [
        new(ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationActor.Applicant, false),
        new(ApplicationStatus.Submitted, ApplicationStatus.Withdrawn, ApplicationActor.Applicant, false),
        new(ApplicationStatus.Eligible, ApplicationStatus.Withdrawn, ApplicationActor.Applicant, false),
        new(ApplicationStatus.UnderReview, ApplicationStatus.Withdrawn, ApplicationActor.Applicant, false),
        new(ApplicationStatus.Submitted, ApplicationStatus.Eligible, ApplicationActor.Agency, false),
        // An administrative decision against the applicant states its reasons (wet van 29 juli 1991 betreffende de uitdrukkelijke motivering van de bestuurshandelingen).
        new(ApplicationStatus.Submitted, ApplicationStatus.Ineligible, ApplicationActor.Agency, true),
        new(ApplicationStatus.Eligible, ApplicationStatus.UnderReview, ApplicationActor.Agency, false),
        new(ApplicationStatus.UnderReview, ApplicationStatus.Decided, ApplicationActor.Agency, false),
    ];

    public static ApplicationTransitionRule? Find(ApplicationStatus from, ApplicationStatus to) =>
        Rules.FirstOrDefault(r => r.From == from && r.To == to);

    /// <summary>The steps an actor may take from a status: what a page offers as buttons.</summary>
    public static IEnumerable<ApplicationTransitionRule> Available(ApplicationStatus from, ApplicationActor actor) =>
        Rules.Where(r => r.From == from && r.Actor == actor);
}
