namespace Clusterpact.Domain.Reporting;

/// <summary>
/// The state of things on a chosen day, for answers "as they stood on" that day (the minister's answer pack):
/// only what had happened by the end of that day, and had been recorded by then, counts; what was planned after it is
/// still a plan. A fact entered later with an earlier day (a stage back-dated today) was not known on that day.
/// </summary>
public static class AsOf
{
    /// <summary>The last instant of a day in Brussels: "by the end of that day".</summary>
    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        var next = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(next, BrusselsTime.Zone.GetUtcOffset(next)).ToUniversalTime().AddTicks(-1);
    }

    /// <summary>
    /// Had the fact been recorded by the end of the day? One recorded before moments were kept counts as recorded on
    /// the day it is about.
    /// </summary>
    public static bool RecordedBy(IRecordedFact fact, DateOnly on) => fact.RecordedAt is not { } at || at <= EndOfDay(on);

    /// <summary>A fact about a day was known on a day when it was about that day or earlier and recorded by its end.</summary>
    public static bool Known(DateOnly? about, IRecordedFact fact, DateOnly on) => about is { } a && a <= on && RecordedBy(fact, on);

    /// <summary>Was the evaluation planned in the system by the end of the day?</summary>
    public static bool PlannedBy(Evaluation evaluation, DateOnly on) => RecordedBy(evaluation, on);

    /// <summary>The stage an evaluation had reached, as recorded, by the end of the day; one that had not moved yet is planned.</summary>
    public static EvaluationStage StageOn(Evaluation evaluation, DateOnly on) =>
        evaluation.Stages.Where(s => Known(s.Reached, s, on)).Select(s => s.Stage).DefaultIfEmpty(EvaluationStage.Planned).Max();

    /// <summary>The day the stage held on that day was reached (null while only planned).</summary>
    public static DateOnly? StageReachedOn(Evaluation evaluation, DateOnly on)
    {
        var stage = StageOn(evaluation, on);
        return evaluation.Stages.FirstOrDefault(s => s.Stage == stage)?.Reached is { } r && r <= on ? r : null;
    }

    /// <summary>The next stage after the one held on that day and its planned day; none once decided.</summary>
    public static (EvaluationStage Stage, DateOnly? Planned)? NextStageOn(Evaluation evaluation, DateOnly on)
    {
        var stage = StageOn(evaluation, on);
        if (stage == EvaluationStage.Decided) return null;
        var next = stage + 1;
        return (next, evaluation.Stages.FirstOrDefault(s => s.Stage == next)?.Planned);
    }

    /// <summary>Late on that day: the next stage's planned day had passed without it being reached.</summary>
    public static bool LateOn(Evaluation evaluation, DateOnly on) => NextStageOn(evaluation, on) is { Planned: { } p } && p < on;

    /// <summary>The outcome, if the evaluation had been decided (and the decision recorded) by that day.</summary>
    public static EvaluationOutcome? OutcomeOn(Evaluation evaluation, DateOnly on) =>
        StageOn(evaluation, on) == EvaluationStage.Decided ? evaluation.Outcome : null;

    /// <summary>The pact version in force on that day: the last one adopted on or before it, as recorded by then.</summary>
    public static PactVersion? AdoptedVersionOn(ClusterPact pact, DateOnly on) =>
        pact.Versions.Where(v => Known(v.AdoptedOn, v, on)).MaxBy(v => v.Number);

    /// <summary>
    /// The yearly review after the version in force: the pact is evaluated and updated every year on the basis of the
    /// annual plan (seed 003), so the version of year Y is followed by a review for year Y + 1.
    /// </summary>
    public static int NextReviewYear(PactVersion inForce) => inForce.Year + 1;

    /// <summary>Had the report been submitted (to the agency) by that instant? Only then do its values count.</summary>
    public static bool SubmittedBy(AnnualReport report, DateTimeOffset instant) =>
        report.Steps.Any(s => s.To == ReportStatus.Submitted && s.At <= instant);

    /// <summary>Had the agency accepted the report by that instant?</summary>
    public static bool AcceptedBy(AnnualReport report, DateTimeOffset instant) =>
        report.Steps.Any(s => s.To == ReportStatus.Accepted && s.At <= instant);

    /// <summary>The report's status at that instant: the last step taken by then (a draft before any step).</summary>
    public static ReportStatus StatusBy(AnnualReport report, DateTimeOffset instant) =>
        report.Steps.LastOrDefault(s => s.At <= instant)?.To ?? ReportStatus.Draft;

    /// <summary>
    /// The end of an agreement as known on that day: an amendment decided after the day (or recorded after it) is not
    /// yet known, and a later term only counts once it had started by that day (or its interim evaluation was held) and
    /// had been recorded by then.
    /// </summary>
    public static DateOnly AgreementEndOn(SupportAgreement agreement, DateOnly on)
    {
        var terms = agreement.Terms.Where((t, i) => i == 0 || (t.Start <= on || t.InterimEvaluationDate is { } d && d <= on) && RecordedBy(t, on)).ToList();
        var amended = agreement.Amendments.LastOrDefault(a => Known(a.DecidedOn, a, on) && a.TermCount == terms.Count);
        return amended?.NewEnd ?? terms[^1].End;
    }

    /// <summary>
    /// Was the agreement known on that day? Agreements are decided before they start, so one starting within a year of
    /// the day was known, once its first term had been recorded by then.
    /// </summary>
    public static bool AgreementKnownOn(SupportAgreement agreement, DateOnly on) => agreement.Start <= on.AddYears(1) && RecordedBy(agreement.Terms[0], on);

    /// <summary>The last complete calendar year on that day: what KPIs and reports can speak of.</summary>
    public static int LastCompleteYear(DateOnly on) => on.Year - 1;
}

/// <summary>Whether a KPI value met its target, given the KPI's direction (null when either is missing).</summary>
public static class TargetCheck
{
    public static bool? Met(KpiDefinition kpi, decimal? actual, decimal? target) =>
        actual is { } a && target is { } t ? (kpi.HigherIsBetter ? a >= t : a <= t) : null;
}
