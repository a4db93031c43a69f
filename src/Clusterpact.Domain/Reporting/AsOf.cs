namespace Clusterpact.Domain.Reporting;

/// <summary>
/// The state of things on a chosen day, for answers "as they stood on" that day (the minister's answer pack):
/// only what had happened by the end of that day counts; what was planned after it is still a plan.
/// </summary>
public static class AsOf
{
    /// <summary>The stage an evaluation had reached by the end of the day; one that had not moved yet is planned.</summary>
    public static EvaluationStage StageOn(Evaluation evaluation, DateOnly on) =>
        evaluation.Stages.Where(s => s.Reached is { } r && r <= on).Select(s => s.Stage).DefaultIfEmpty(EvaluationStage.Planned).Max();

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

    /// <summary>The outcome, if the evaluation had been decided by that day.</summary>
    public static EvaluationOutcome? OutcomeOn(Evaluation evaluation, DateOnly on) =>
        evaluation.DecidedOn is { } d && d <= on ? evaluation.Outcome : null;

    /// <summary>The pact version in force on that day: the last one adopted on or before it.</summary>
    public static PactVersion? AdoptedVersionOn(ClusterPact pact, DateOnly on) =>
        pact.Versions.Where(v => v.AdoptedOn is { } a && a <= on).MaxBy(v => v.Number);

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
    /// The end of an agreement as known on that day: an amendment decided after the day is not yet known, and a
    /// term only counts once it had started by that day or was its first term.
    /// </summary>
    public static DateOnly AgreementEndOn(SupportAgreement agreement, DateOnly on)
    {
        var terms = agreement.Terms.Where((t, i) => i == 0 || t.Start <= on || t.InterimEvaluationDate is { } d && d <= on).ToList();
        var amended = agreement.Amendments.LastOrDefault(a => a.DecidedOn <= on && a.TermCount == terms.Count);
        return amended?.NewEnd ?? terms[^1].End;
    }

    /// <summary>The last complete calendar year on that day: what KPIs and reports can speak of.</summary>
    public static int LastCompleteYear(DateOnly on) => on.Year - 1;
}

/// <summary>Whether a KPI value met its target, given the KPI's direction (null when either is missing).</summary>
public static class TargetCheck
{
    public static bool? Met(KpiDefinition kpi, decimal? actual, decimal? target) =>
        actual is { } a && target is { } t ? (kpi.HigherIsBetter ? a >= t : a <= t) : null;
}
