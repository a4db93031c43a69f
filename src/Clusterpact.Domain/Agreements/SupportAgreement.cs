namespace Clusterpact.Domain.Agreements;

public enum AgreementTermKind { Initial, Extension }

/// <summary>A decision that shortened or ended the agreement early; the terms stay as they were decided.</summary>
/// <param name="TermCount">How many terms the agreement had when this was decided: a later extension supersedes it.</param>
public sealed record AgreementAmendment(DateOnly DecidedOn, DateOnly PreviousEnd, DateOnly NewEnd, string Reason, int TermCount) : IRecordedFact
{
    /// <summary>When the decision was entered (it names its own day, which can be earlier).</summary>
    public DateTimeOffset? RecordedAt { get; private set; }

    void IRecordedFact.Recorded(DateTimeOffset at) => RecordedAt = at;
}

/// <summary>One term of a support agreement (steunovereenkomst), with the decision it rests on.</summary>
public sealed record AgreementTerm(DateOnly Start, DateOnly End, AgreementTermKind Kind, string DecisionReference, DateOnly? InterimEvaluationDate) : IRecordedFact
{
    /// <summary>When the term was entered (an extension can be entered after the interim evaluation it rests on).</summary>
    public DateTimeOffset? RecordedAt { get; private set; }

    void IRecordedFact.Recorded(DateTimeOffset at) => RecordedAt = at;
}

/// <summary>
/// The support agreement between the agency and one cluster organisation: its terms over time. Every change is a
/// new term or an amendment kept in history; a change the rules forbid is refused with the rule it breaks.
/// </summary>
public sealed class SupportAgreement : IAuditable
{
    private readonly List<AgreementTerm> _terms = [];
    private readonly List<AgreementAmendment> _amendments = [];

    public const int DecisionReferenceMaxLength = 100;
    public const int ReasonMaxLength = 1000;

    private SupportAgreement() { }

    private SupportAgreement(Guid clusterId, ClusterType type) { Id = Guid.CreateVersion7(); ClusterId = clusterId; ClusterType = type; }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public Guid ClusterId { get; private set; }
    public ClusterType ClusterType { get; private set; }
    /// <summary>
    /// The terms from the first to the last. A database returns an owned collection in no stated order (PostgreSQL
    /// gave them shuffled), so the order is the terms' own: by start date, never the order they were loaded in.
    /// </summary>
    public IReadOnlyList<AgreementTerm> Terms => [.. _terms.OrderBy(t => t.Start)];

    /// <summary>
    /// The amendments in the order they were decided: per term, and within a term each shortened the one before
    /// (<see cref="ShortenTo"/> refuses anything else), so a later one has the earlier end. Not the load order.
    /// </summary>
    public IReadOnlyList<AgreementAmendment> Amendments => [.. _amendments.OrderBy(a => a.TermCount).ThenByDescending(a => a.NewEnd)];

    public DateOnly Start => _terms.Min(t => t.Start);

    /// <summary>The last day of the agreement: its last term's end, or an earlier end an amendment decided.</summary>
    public DateOnly End => Amendments.LastOrDefault(a => a.TermCount == _terms.Count) is { } amended ? amended.NewEnd : Terms[^1].End;

    /// <summary>
    /// Shortens or ends the agreement early (a stop after an evaluation, a lapse, a merger). Lengthening goes
    /// through <see cref="Extend"/>, after an interim evaluation. The history keeps the end before and after.
    /// </summary>
    public Result ShortenTo(DateOnly newEnd, DateOnly decidedOn, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Result.Fail(new DomainError("Agreement.ReasonRequired"));
        if (DomainRange.FirstOf(DomainRange.Date(newEnd, "end"), DomainRange.Text(reason, ReasonMaxLength, nameof(reason))) is { } outOfRange) return Result.Fail(outOfRange);
        if (newEnd >= End) return Result.Fail(new DomainError("Agreement.AmendmentMustShorten"));
        if (newEnd < Start) return Result.Fail(new DomainError("Agreement.EndBeforeStart"));
        if (decidedOn > newEnd.AddDays(1) && decidedOn > End) return Result.Fail(new DomainError("Agreement.AmendmentAfterEnd"));
        _amendments.Add(new AgreementAmendment(decidedOn, End, newEnd, reason.Trim(), _terms.Count));
        return Result.Success;
    }

    /// <summary>
    /// A new agreement. <paramref name="firstOperatingAidDay"/> is the first day of operating aid the cluster ever had
    /// under any agreement (itself, for a first agreement): the 10-year limit counts from there.
    /// </summary>
    public static Result<SupportAgreement> Create(Guid clusterId, ClusterType type, DateOnly start, DateOnly end, string decisionReference,
        DateOnly firstOperatingAidDay, FundingRuleSet rules)
    {
        if (DomainRange.FirstOf(DomainRange.Date(start, nameof(start)), DomainRange.Date(end, nameof(end)), DomainRange.Date(firstOperatingAidDay, nameof(start)),
                DomainRange.Text(decisionReference, DecisionReferenceMaxLength, nameof(decisionReference))) is { } outOfRange)
            return Result<SupportAgreement>.Fail(outOfRange);
        var agreement = new SupportAgreement(clusterId, type);
        var check = agreement.CheckTerm(start, end, firstOperatingAidDay, rules);
        if (!check.IsSuccess) return Result<SupportAgreement>.Fail(check.Error!);
        if (string.IsNullOrWhiteSpace(decisionReference)) return Result<SupportAgreement>.Fail(new DomainError("Agreement.DecisionRequired"));
        agreement._terms.Add(new AgreementTerm(start, end, AgreementTermKind.Initial, decisionReference.Trim(), null));
        return Result<SupportAgreement>.Ok(agreement);
    }

    /// <summary>
    /// Extends the agreement by a new term right after the current end. Never past the last allowed day of operating aid.
    /// </summary>
    /// <remarks>
    /// Clusterbesluit (seed 001): an agreement is extended only after a decided, positive interim evaluation of that
    /// cluster held during the agreement; the evaluation itself is the proof, so it is passed in, not a tick saying so.
    /// </remarks>
    public Result Extend(DateOnly newEnd, ExtensionEvaluation evaluation, string decisionReference, DateOnly firstOperatingAidDay, FundingRuleSet rules)
    {
        if (DomainRange.FirstOf(DomainRange.Date(newEnd, "end"), DomainRange.Text(decisionReference, DecisionReferenceMaxLength, nameof(decisionReference))) is { } outOfRange)
            return Result.Fail(outOfRange);
        var start = End.AddDays(1);
        var rule = rules.InForce(ClusterType, start);
        if (rule is null) return Result.Fail(new DomainError("Agreement.NoRule"));
        if (rule.MaxOperatingAidYears <= rule.MaxTermYears)
            return Result.Fail(new DomainError("Agreement.NetworkNoExtension", rule.Source)); // at most 3 years for a network, in one term
        var basis = CheckEvaluation(evaluation);
        if (!basis.IsSuccess) return basis;
        var check = CheckTerm(start, newEnd, firstOperatingAidDay, rules);
        if (!check.IsSuccess) return check;
        if (string.IsNullOrWhiteSpace(decisionReference)) return Result.Fail(new DomainError("Agreement.DecisionRequired"));
        _terms.Add(new AgreementTerm(start, newEnd, AgreementTermKind.Extension, decisionReference.Trim(), evaluation.DecidedOn));
        return Result.Success;
    }

    /// <summary>The rule an extension's evaluation must meet (clusterbesluit, seed 001), each failure with its own reason.</summary>
    public Result CheckEvaluation(ExtensionEvaluation evaluation)
    {
        const string source = "clusterbesluit";
        if (evaluation.ClusterId != ClusterId) return Result.Fail(new DomainError("Agreement.EvaluationOtherCluster", source));
        if (evaluation.Kind != EvaluationKind.Interim) return Result.Fail(new DomainError("Agreement.EvaluationNotInterim", source));
        if (evaluation.DecidedOn is not { } decided) return Result.Fail(new DomainError("Agreement.EvaluationNotDecided", source));
        if (!evaluation.AdvisesExtension) return Result.Fail(new DomainError("Agreement.EvaluationAgainstExtension", source));
        if (decided < Start || decided > End) return Result.Fail(new DomainError("Agreement.EvaluationOutsideAgreement", source));
        return Result.Success;
    }

    /// <summary>Whether a period overlaps any of a cluster's agreements (other than <paramref name="except"/>): one agreement at a time per cluster.</summary>
    public static bool Overlaps(IEnumerable<SupportAgreement> clusterAgreements, DateOnly start, DateOnly end, Guid? except) =>
        clusterAgreements.Any(a => a.Id != except && a.Start <= end && start <= a.End);

    /// <summary>The first day of operating aid under any of a cluster's agreements: where its 10-year limit counts from.</summary>
    public static DateOnly? FirstAidDay(IEnumerable<SupportAgreement> clusterAgreements) =>
        clusterAgreements.SelectMany(a => a.Terms).Select(t => (DateOnly?)t.Start).Min();

    /// <summary>
    /// A cluster's window of operating aid over all its agreements: the first day of aid under any of them and the last
    /// day allowed by the rule in force on that first day (null without agreements or without a rule).
    /// </summary>
    public static (DateOnly FirstAidDay, DateOnly LastAllowedDay)? AidWindow(IEnumerable<SupportAgreement> clusterAgreements, ClusterType type, FundingRuleSet rules)
    {
        var first = FirstAidDay(clusterAgreements);
        return first is { } f && rules.InForce(type, f) is { } rule ? (f, LastAllowedDay(f, rule.MaxOperatingAidYears)) : null;
    }

    /// <summary>The last day operating aid may run for a cluster whose aid began on <paramref name="firstOperatingAidDay"/> (GBER art. 27: 10 years).</summary>
    public static DateOnly LastAllowedDay(DateOnly firstOperatingAidDay, int maxYears) => firstOperatingAidDay.AddYears(maxYears).AddDays(-1);

    /// <summary>Whole years and days left of operating aid on a date; zero when the limit has passed.</summary>
    public static (int Years, int Days) TimeLeft(DateOnly on, DateOnly lastAllowedDay)
    {
        if (on > lastAllowedDay) return (0, 0);
        var years = 0;
        while (on.AddYears(years + 1) <= lastAllowedDay.AddDays(1)) years++;
        var days = lastAllowedDay.DayNumber - on.AddYears(years).DayNumber + 1;
        return (years, days);
    }

    /// <summary>True when the limit falls within <paramref name="months"/> of the date: time to plan what comes after.</summary>
    public static bool ReachesLimitWithin(DateOnly on, DateOnly lastAllowedDay, int months) => lastAllowedDay >= on && lastAllowedDay <= on.AddMonths(months);

    private Result CheckTerm(DateOnly start, DateOnly end, DateOnly firstOperatingAidDay, FundingRuleSet rules)
    {
        if (end < start) return Result.Fail(new DomainError("Agreement.EndBeforeStart"));
        var rule = rules.InForce(ClusterType, start);
        if (rule is null) return Result.Fail(new DomainError("Agreement.NoRule"));
        if (end > start.AddYears(rule.MaxTermYears).AddDays(-1))
            return Result.Fail(new DomainError("Agreement.TermTooLong", rule.Source));
        if (start < firstOperatingAidDay) return Result.Fail(new DomainError("Agreement.StartsBeforeFirstAid"));
        if (end > LastAllowedDay(firstOperatingAidDay, rule.MaxOperatingAidYears))
            return Result.Fail(new DomainError(rule.MaxOperatingAidYears == 10 ? "Agreement.ExceedsTenYearLimit" : "Agreement.ExceedsNetworkLimit", "GBER art. 27"));
        return Result.Success;
    }
}
