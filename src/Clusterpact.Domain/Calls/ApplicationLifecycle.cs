namespace Clusterpact.Domain.Calls;

/// <summary>
/// Draft -> Submitted -> Eligible -> UnderReview -> Decided, or Submitted -> Ineligible; the applicant may withdraw a
/// submitted application until it is decided or found ineligible.
/// </summary>
public enum ApplicationStatus { Draft, Submitted, Withdrawn, Eligible, Ineligible, UnderReview, Decided }

/// <summary>The decision of the Hermes fund's decision committee on an application.</summary>
public enum ApplicationOutcome { Granted, Refused, GrantedWithConditions }

/// <summary>
/// The application lifecycle as one table. The aggregate refuses any step not in it, pages render their buttons from
/// it, the person's actors authorize a step through it, and a test walks it, so the four cannot drift apart.
/// </summary>
public static class ApplicationLifecycle
{
    public const string Submit = "Submit";
    public const string Withdraw = "Withdraw";
    public const string MarkEligible = "MarkEligible";
    public const string MarkIneligible = "MarkIneligible";
    public const string StartReview = "StartReview";
    public const string Decide = "Decide";

    public static readonly Lifecycle<ApplicationStatus> Rules = new("Application",
    [
        Step.Of(Submit, ApplicationStatus.Draft, ApplicationStatus.Submitted, Actor.Applicant),
        Step.Of(Withdraw, ApplicationStatus.Submitted, ApplicationStatus.Withdrawn, Actor.Applicant),
        Step.Of(Withdraw, ApplicationStatus.Eligible, ApplicationStatus.Withdrawn, Actor.Applicant),
        Step.Of(Withdraw, ApplicationStatus.UnderReview, ApplicationStatus.Withdrawn, Actor.Applicant),
        Step.Of(MarkEligible, ApplicationStatus.Submitted, ApplicationStatus.Eligible, Actor.Agency),
        // An administrative decision against the applicant states its reasons (wet van 29 juli 1991 betreffende de uitdrukkelijke motivering van de bestuurshandelingen).
        Step.Of(MarkIneligible, ApplicationStatus.Submitted, ApplicationStatus.Ineligible, Actor.Agency, reasonRequired: true),
        // Experts score only once the agency has started the review.
        Step.Of(StartReview, ApplicationStatus.Eligible, ApplicationStatus.UnderReview, Actor.Agency),
        Step.Of(Decide, ApplicationStatus.UnderReview, ApplicationStatus.Decided, Actor.Agency),
    ]);
}
