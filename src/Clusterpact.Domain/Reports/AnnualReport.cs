namespace Clusterpact.Domain.Reports;

public enum ReportStatus { Draft, Submitted, Returned, Accepted }

/// <summary>
/// The annual report's lifecycle as one table: the cluster's manager (or agency staff on its behalf) submits a draft or
/// a returned report; agency staff return a submitted one with their remarks or accept it.
/// </summary>
public static class ReportLifecycle
{
    public const string Submit = "Submit";
    public const string Return = "Return";
    public const string Accept = "Accept";

    private static readonly Actor[] ClusterOrAgency = [Actor.ClusterManager, Actor.Agency];

    public static readonly Lifecycle<ReportStatus> Rules = new("Report",
    [
        Step.Of(Submit, ReportStatus.Draft, ReportStatus.Submitted, ClusterOrAgency),
        Step.Of(Submit, ReportStatus.Returned, ReportStatus.Submitted, ClusterOrAgency),
        Step.Of(Return, ReportStatus.Submitted, ReportStatus.Returned, Actor.Agency, reasonRequired: true),
        Step.Of(Accept, ReportStatus.Submitted, ReportStatus.Accepted, Actor.Agency),
    ]);
}

/// <summary>Where a report stands against its due date, for the reminders.</summary>
public enum DeadlineState { NotDue, DueSoon, Overdue, Done }

/// <summary>A reported KPI value with its comment and where the evidence is.</summary>
public sealed class ReportedValue
{
    private ReportedValue() { KpiCode = ""; }

    internal ReportedValue(string code) => KpiCode = code;

    public string KpiCode { get; private set; }
    public decimal? Value { get; private set; }
    public string? Comment { get; private set; }
    public string? Evidence { get; private set; }

    /// <summary>A warning found at entry that the comment must explain (e.g. much higher than last year).</summary>
    public string? Warning { get; private set; }

    internal void Set(decimal? value, string? comment, string? evidence, string? warning) =>
        (Value, Comment, Evidence, Warning) = (value, Clean(comment), Clean(evidence), warning);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The state of one pact commitment as the report gives it.</summary>
public sealed class CommitmentReport
{
    private CommitmentReport() { }

    internal CommitmentReport(Guid key) => CommitmentKey = key;

    public Guid CommitmentKey { get; private set; }
    public CommitmentStatus Status { get; private set; }
    public string? Comment { get; private set; }

    internal void Set(CommitmentStatus status, string? comment) => (Status, Comment) = (status, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
}

/// <summary>One step of the workflow: who moved the report from which status to which, when, with what remark.</summary>
public sealed class ReportStep
{
    private ReportStep() { By = ""; }

    internal ReportStep(ReportStatus from, ReportStatus to, string by, DateTimeOffset at, string? remark)
    {
        Id = Guid.CreateVersion7();
        (From, To, By, At, Remark) = (from, to, by, at, string.IsNullOrWhiteSpace(remark) ? null : remark.Trim());
    }

    public Guid Id { get; private set; }
    public ReportStatus From { get; private set; }
    public ReportStatus To { get; private set; }
    public string By { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Remark { get; private set; }
}

/// <summary>
/// A cluster's annual report on one working year (werkjaar): the reported KPI values with comments and evidence,
/// the narrative on the annual plan, and the state of each pact commitment. The cluster edits it while it is a draft
/// or returned; the agency returns it with remarks or accepts it. It is due on 31 March of the next year.
/// </summary>
public sealed class AnnualReport : IAuditable
{
    public const int DueSoonDays = 30;

    private readonly List<ReportedValue> _values = [];
    private readonly List<CommitmentReport> _commitments = [];
    private readonly List<ReportStep> _steps = [];

    private AnnualReport() { }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public Guid ClusterId { get; private set; }
    public int Year { get; private set; }
    public ReportStatus Status { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string? Narrative { get; private set; }
    public IReadOnlyList<ReportedValue> Values => _values;
    public IReadOnlyList<CommitmentReport> Commitments => _commitments;
    public IReadOnlyList<ReportStep> Steps => _steps.OrderBy(s => s.At).ToList();

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;

    public const int NarrativeMaxLength = 8000;
    public const int CommentMaxLength = 2000;
    public const int EvidenceMaxLength = 1000;

    /// <summary>A report is for a working year of 2000-2100 (due on 31 March after it).</summary>
    public static DomainError? CheckYear(int year) => DomainRange.Year(year, nameof(year));

    public static DateOnly DefaultDue(int year) => new(year + 1, 3, 31);

    public static AnnualReport Start(Guid clusterId, int year, DateOnly? due = null)
    {
        var r = new AnnualReport { Id = Guid.CreateVersion7(), ClusterId = clusterId, Year = year, Status = ReportStatus.Draft, DueOn = due ?? DefaultDue(year) };
        foreach (var kpi in KpiCatalogue.Reported) r._values.Add(new ReportedValue(kpi.Code));
        return r;
    }

    /// <summary>Records a value, checked at entry: an error refuses it; a warning is kept and needs a comment before submitting.</summary>
    public Result<IReadOnlyList<ValueFinding>> SetValue(string code, decimal? value, string? comment, string? evidence, decimal? lastYear)
    {
        if (!IsEditable) return Result<IReadOnlyList<ValueFinding>>.Fail(new DomainError("Report.NotEditable"));
        var slot = _values.FirstOrDefault(v => v.KpiCode == code);
        var kpi = KpiCatalogue.Find(code);
        if (slot is null || kpi is null) return Result<IReadOnlyList<ValueFinding>>.Fail(new DomainError("Kpi.Unknown"));
        if (DomainRange.FirstOf(DomainRange.Text(comment, CommentMaxLength, nameof(comment)), DomainRange.Text(evidence, EvidenceMaxLength, nameof(evidence))) is { } tooLong)
            return Result<IReadOnlyList<ValueFinding>>.Fail(tooLong);
        var findings = value is { } v ? KpiValueCheck.Check(kpi, v, lastYear) : [];
        if (findings.FirstOrDefault(f => f.Severity == CheckSeverity.Error) is { } error) return Result<IReadOnlyList<ValueFinding>>.Fail(new DomainError(error.Code));
        slot.Set(value, comment, evidence, findings.FirstOrDefault()?.Code);
        return Result<IReadOnlyList<ValueFinding>>.Ok(findings);
    }

    public Result SetNarrative(string? narrative)
    {
        if (!IsEditable) return Fail("Report.NotEditable");
        if (DomainRange.Text(narrative, NarrativeMaxLength, nameof(narrative)) is { } tooLong) return Result.Fail(tooLong);
        Narrative = string.IsNullOrWhiteSpace(narrative) ? null : narrative.Trim();
        return Result.Success;
    }

    public Result SetCommitment(Guid key, CommitmentStatus status, string? comment)
    {
        if (!IsEditable) return Fail("Report.NotEditable");
        if (DomainRange.Text(comment, CommentMaxLength, nameof(comment)) is { } tooLong) return Result.Fail(tooLong);
        var c = _commitments.FirstOrDefault(x => x.CommitmentKey == key);
        if (c is null) { c = new CommitmentReport(key); _commitments.Add(c); }
        c.Set(status, comment);
        return Result.Success;
    }

    /// <summary>The problems that keep the report from being submitted: missing values, warnings without a comment, no narrative.</summary>
    public IReadOnlyList<(string? KpiCode, string Code)> Gaps()
    {
        var gaps = new List<(string?, string)>();
        foreach (var v in _values)
        {
            if (v.Value is null) gaps.Add((v.KpiCode, "Report.ValueMissing"));
            else if (v.Warning is not null && v.Comment is null) gaps.Add((v.KpiCode, "Report.WarningNeedsComment"));
        }
        if (Narrative is null) gaps.Add((null, "Report.NarrativeMissing"));
        return gaps;
    }

    /// <summary>Submits a draft or returned report once it has no gaps left.</summary>
    public Result Submit(IReadOnlySet<Actor> actors, string by, DateTimeOffset at)
    {
        if (Check(ReportLifecycle.Submit, actors, null) is { IsSuccess: false } refused) return refused;
        if (Gaps().FirstOrDefault() is { Code: { } code }) return Fail(code);
        return Move(ReportLifecycle.Submit, actors, by, at, null);
    }

    /// <summary>Returns a submitted report to the cluster with the remarks it must act on.</summary>
    public Result Return(IReadOnlySet<Actor> actors, string by, DateTimeOffset at, string? remark) =>
        DomainRange.Text(remark, CommentMaxLength, nameof(remark)) is { } tooLong ? Result.Fail(tooLong) : Move(ReportLifecycle.Return, actors, by, at, remark);

    public Result Accept(IReadOnlySet<Actor> actors, string by, DateTimeOffset at) => Move(ReportLifecycle.Accept, actors, by, at, null);

    /// <summary>Takes a step of the table by its name: what the report page's lifecycle buttons post (the reason is the return's remarks).</summary>
    public Result Take(string step, IReadOnlySet<Actor> actors, string by, DateTimeOffset at, string? reason) => step switch
    {
        ReportLifecycle.Submit => Submit(actors, by, at),
        ReportLifecycle.Return => Return(actors, by, at, reason),
        ReportLifecycle.Accept => Accept(actors, by, at),
        _ => Fail(Lifecycle<ReportStatus>.UnknownStep),
    };

    /// <summary>The latest remark of the agency, for the cluster to act on.</summary>
    public string? LatestRemark => _steps.Where(s => s.To == ReportStatus.Returned).MaxBy(s => s.At)?.Remark;

    public DeadlineState DeadlineOn(DateOnly today) => DeadlineOf(Status, DueOn, today);

    /// <summary>The deadline of a report in this status due on this day (a list reads the two columns, not the report).</summary>
    public static DeadlineState DeadlineOf(ReportStatus status, DateOnly dueOn, DateOnly today) =>
        status is ReportStatus.Submitted or ReportStatus.Accepted ? DeadlineState.Done
        : today > dueOn ? DeadlineState.Overdue
        : today >= dueOn.AddDays(-DueSoonDays) ? DeadlineState.DueSoon
        : DeadlineState.NotDue;

    public decimal? ValueOf(string code) => _values.FirstOrDefault(v => v.KpiCode == code)?.Value;

    /// <summary>Whether the table lets these actors take the step now; a return without remarks says so in its own words.</summary>
    private Result Check(string step, IReadOnlySet<Actor> actors, string? remark)
    {
        var check = ReportLifecycle.Rules.Check(Status, step, actors, remark);
        if (check.IsSuccess) return Result.Success;
        return Fail(check.Error!.Code == Lifecycle<ReportStatus>.ReasonRequired ? "Report.RemarkRequired" : check.Error.Code);
    }

    private Result Move(string step, IReadOnlySet<Actor> actors, string by, DateTimeOffset at, string? remark)
    {
        if (Check(step, actors, remark) is { IsSuccess: false } refused) return refused;
        var to = ReportLifecycle.Rules.Find(Status, step)!.To;
        _steps.Add(new ReportStep(Status, to, by, at, remark));
        Status = to;
        return Result.Success;
    }

    private static Result Fail(string code) => Result.Fail(new DomainError(code));
}
