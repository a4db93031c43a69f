namespace Clusterpact.Domain.Evaluations;

/// <summary>
/// The evaluations the seeds name: the interim evaluation that decides on extending a support agreement, the
/// mid-term review, the final evaluation and the ex-post impact evaluation.
/// </summary>
public enum EvaluationKind { Interim, MidTermReview, Final, ExPostImpact }

/// <summary>Systemic: the programme's impact on policy goals and Flanders' position; individual: one cluster's outputs (seed 001).</summary>
public enum EvaluationScope { Systemic, Individual }

/// <summary>The stages every evaluation goes through, in this order.</summary>
public enum EvaluationStage { Planned, CollectingData, ExpertPanel, Report, Decided }

/// <summary>
/// The stages of an evaluation as one table, taken in order by agency staff: data collection starts, the expert panel
/// convenes, the report is drafted, and the evaluation is decided (with its own form: outcome, conditions, conclusion).
/// </summary>
public static class EvaluationLifecycle
{
    public const string StartDataCollection = "StartDataCollection";
    public const string ConveneExpertPanel = "ConveneExpertPanel";
    public const string DraftReport = "DraftReport";
    public const string Decide = "Decide";

    /// <summary>The steps before the decision, in the order they are taken.</summary>
    public static readonly IReadOnlyList<string> StepsBeforeDecision = [StartDataCollection, ConveneExpertPanel, DraftReport];

    public static readonly Lifecycle<EvaluationStage> Rules = new("Evaluation",
    [
        Step.Of(StartDataCollection, EvaluationStage.Planned, EvaluationStage.CollectingData, Actor.Agency),
        Step.Of(ConveneExpertPanel, EvaluationStage.CollectingData, EvaluationStage.ExpertPanel, Actor.Agency),
        Step.Of(DraftReport, EvaluationStage.ExpertPanel, EvaluationStage.Report, Actor.Agency),
        Step.Of(Decide, EvaluationStage.Report, EvaluationStage.Decided, Actor.Agency),
    ]);

    /// <summary>The stage after this one in the table, if any: what "late" and the planning look ahead to.</summary>
    public static EvaluationStage? Next(EvaluationStage stage) => Rules.Steps.FirstOrDefault(s => s.From == stage)?.To;
}

/// <summary>What an interim evaluation decides for the support agreement.</summary>
public enum EvaluationOutcome { Extend, ExtendWithConditions, Stop }

public enum EvidenceKind { KpiExtract, SurveyResults, InterviewNotes, Document }

public enum ParticipantRole { Evaluator, PanelMember }

public enum FollowUpStatus { Open, InProgress, Done, NotFollowed }

/// <summary>
/// The day a stage was reached and when that was recorded (a stage can be entered later with an earlier day); the
/// planned day is kept next to it so delays show.
/// </summary>
public sealed class StageDate : IRecordedFact
{
    private StageDate() { }

    internal StageDate(EvaluationStage stage, DateOnly? planned) => (Stage, Planned) = (stage, planned);

    public EvaluationStage Stage { get; private set; }
    public DateOnly? Planned { get; private set; }
    [AboutDay]
    public DateOnly? Reached { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    internal void Reach(DateOnly on) => Reached = on;
    void IRecordedFact.Recorded(DateTimeOffset at) => RecordedAt = at;
    internal void Plan(DateOnly? on) => Planned = on;
}

public sealed class EvaluationParticipant
{
    private EvaluationParticipant() { Name = ""; }

    internal EvaluationParticipant(string name, string? organisation, ParticipantRole role)
    {
        Id = Guid.CreateVersion7();
        (Name, Organisation, Role) = (name.Trim(), string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim(), role);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string? Organisation { get; private set; }
    public ParticipantRole Role { get; private set; }
}

/// <summary>Evidence gathered: a KPI extract, survey results, interview notes or a document, with where to find it.</summary>
public sealed class EvaluationEvidence
{
    private EvaluationEvidence() { Title = ""; }

    internal EvaluationEvidence(EvidenceKind kind, string title, string? reference, DateOnly addedOn)
    {
        Id = Guid.CreateVersion7();
        (Kind, Title, Reference, AddedOn) = (kind, title.Trim(), string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(), addedOn);
    }

    public Guid Id { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public string Title { get; private set; }

    /// <summary>A link, a document number or a short summary.</summary>
    public string? Reference { get; private set; }

    public DateOnly AddedOn { get; private set; }
}

/// <summary>A finding with its recommendation, who follows it up, by when, and how far that got.</summary>
public sealed class Recommendation
{
    private Recommendation() { Finding = ""; Text = ""; }

    internal Recommendation(string finding, string text, string? owner, DateOnly? due)
    {
        Id = Guid.CreateVersion7();
        (Finding, Text, Owner, Due, Status) = (finding.Trim(), text.Trim(), string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(), due, FollowUpStatus.Open);
    }

    public Guid Id { get; private set; }
    public string Finding { get; private set; }
    public string Text { get; private set; }
    public string? Owner { get; private set; }
    public DateOnly? Due { get; private set; }
    public FollowUpStatus Status { get; private set; }
    public string? FollowUpNote { get; private set; }

    public bool IsOverdue(DateOnly today) => Due is { } d && d < today && Status is FollowUpStatus.Open or FollowUpStatus.InProgress;

    internal void FollowUp(FollowUpStatus status, string? note) => (Status, FollowUpNote) = (status, string.IsNullOrWhiteSpace(note) ? FollowUpNote : note.Trim());
}

/// <summary>
/// An evaluation of one cluster (individual) or of the programme (systemic), moved through its stages in order,
/// with its evaluators and panel, evidence, findings and recommendations, and its outcome. An interim evaluation's
/// outcome (extend, extend with conditions, stop) is what an extension of the support agreement rests on.
/// </summary>
public sealed class Evaluation : IAuditable, IRecordedFact
{
    private readonly List<StageDate> _stages = [];
    private readonly List<EvaluationParticipant> _participants = [];
    private readonly List<EvaluationEvidence> _evidence = [];
    private readonly List<Recommendation> _recommendations = [];

    private Evaluation() { Title = ""; }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public string Title { get; private set; }
    public EvaluationKind Kind { get; private set; }
    public EvaluationScope Scope { get; private set; }

    /// <summary>The cluster of an individual evaluation; null for a systemic one.</summary>
    public Guid? ClusterId { get; private set; }

    /// <summary>When the evaluation was planned in the system (the plan's own days are in its stages).</summary>
    public DateTimeOffset? RecordedAt { get; private set; }

    public EvaluationStage Stage { get; private set; }
    public EvaluationOutcome? Outcome { get; private set; }
    public string? Conditions { get; private set; }
    public string? Conclusion { get; private set; }
    public DateOnly? DecidedOn { get; private set; }

    void IRecordedFact.Recorded(DateTimeOffset at) => RecordedAt = at;

    // A database hands owned rows back in no stated order (LoadOrderTests): each list states its own.
    public IReadOnlyList<StageDate> Stages => _stages.OrderBy(s => s.Stage).ToList();
    public IReadOnlyList<EvaluationParticipant> Participants => _participants;
    public IReadOnlyList<EvaluationEvidence> Evidence => _evidence.OrderBy(x => x.AddedOn).ThenBy(x => x.Id).ToList();
    public IReadOnlyList<Recommendation> Recommendations => _recommendations;

    /// <summary>Does the decided outcome advise extending the support agreement?</summary>
    public bool AdvisesExtension => Stage == EvaluationStage.Decided && Outcome is EvaluationOutcome.Extend or EvaluationOutcome.ExtendWithConditions;

    public const int TitleMaxLength = 200;
    public const int NameMaxLength = 200;
    public const int ReferenceMaxLength = 1000;
    public const int TextMaxLength = 2000;
    public const int ConditionsMaxLength = 2000;
    public const int ConclusionMaxLength = 4000;

    public static Result<Evaluation> Plan(string title, EvaluationKind kind, EvaluationScope scope, Guid? clusterId, IReadOnlyDictionary<EvaluationStage, DateOnly> plannedDates)
    {
        if (string.IsNullOrWhiteSpace(title)) return Result<Evaluation>.Fail(new DomainError("Evaluation.TitleRequired"));
        if (DomainRange.Text(title, TitleMaxLength, nameof(title)) is { } tooLong) return Result<Evaluation>.Fail(tooLong);
        if (plannedDates.Values.Select(d => DomainRange.Date(d, nameof(plannedDates))).FirstOrDefault(e => e is not null) is { } badDate) return Result<Evaluation>.Fail(badDate);
        if (scope == EvaluationScope.Individual && clusterId is null) return Result<Evaluation>.Fail(new DomainError("Evaluation.ClusterRequired"));
        if (scope == EvaluationScope.Systemic && clusterId is not null) return Result<Evaluation>.Fail(new DomainError("Evaluation.SystemicHasNoCluster"));
        // An interim evaluation decides one cluster's agreement; it cannot be systemic.
        if (kind == EvaluationKind.Interim && scope != EvaluationScope.Individual) return Result<Evaluation>.Fail(new DomainError("Evaluation.InterimIsIndividual"));
        var order = Enum.GetValues<EvaluationStage>();
        DateOnly? previous = null;
        foreach (var stage in order)
        {
            if (!plannedDates.TryGetValue(stage, out var d)) continue;
            if (previous is { } p && d < p) return Result<Evaluation>.Fail(new DomainError("Evaluation.PlannedOutOfOrder"));
            previous = d;
        }
        var evaluation = new Evaluation { Id = Guid.CreateVersion7(), Title = title.Trim(), Kind = kind, Scope = scope, ClusterId = clusterId, Stage = EvaluationStage.Planned };
        foreach (var stage in order) evaluation._stages.Add(new StageDate(stage, plannedDates.TryGetValue(stage, out var d) ? d : null));
        return Result<Evaluation>.Ok(evaluation);
    }

    /// <summary>
    /// Takes one step of the table (all but the decision, which has its own form) on a day that is not before the
    /// previous stage was reached.
    /// </summary>
    public Result Take(string step, IReadOnlySet<Actor> actors, DateOnly on)
    {
        if (step == EvaluationLifecycle.Decide) return Fail("Evaluation.DecisionNeedsItsForm");
        return Move(step, actors, on);
    }

    /// <summary>
    /// Decides the evaluation: an interim evaluation gives its outcome ("extend with conditions" with the conditions),
    /// the others their conclusion.
    /// </summary>
    public Result Decide(IReadOnlySet<Actor> actors, DateOnly on, EvaluationOutcome? outcome, string? conditions = null, string? conclusion = null)
    {
        var check = EvaluationLifecycle.Rules.Check(Stage, EvaluationLifecycle.Decide, actors, null);
        if (!check.IsSuccess) return Result.Fail(check.Error!);
        if (Kind == EvaluationKind.Interim && outcome is null) return Fail("Evaluation.OutcomeRequired");
        if (Kind != EvaluationKind.Interim && outcome is not null) return Fail("Evaluation.OutcomeOnlyForInterim");
        if (outcome == EvaluationOutcome.ExtendWithConditions && string.IsNullOrWhiteSpace(conditions)) return Fail("Evaluation.ConditionsRequired");
        if (Kind != EvaluationKind.Interim && string.IsNullOrWhiteSpace(conclusion)) return Fail("Evaluation.ConclusionRequired");
        if (DomainRange.FirstOf(DomainRange.Text(conditions, ConditionsMaxLength, nameof(conditions)), DomainRange.Text(conclusion, ConclusionMaxLength, nameof(conclusion))) is { } tooLong)
            return Result.Fail(tooLong);
        var moved = Move(EvaluationLifecycle.Decide, actors, on);
        if (!moved.IsSuccess) return moved;
        Outcome = outcome;
        Conditions = outcome == EvaluationOutcome.ExtendWithConditions ? conditions!.Trim() : null;
        Conclusion = string.IsNullOrWhiteSpace(conclusion) ? null : conclusion.Trim();
        DecidedOn = on;
        return Result.Success;
    }

    private Result Move(string step, IReadOnlySet<Actor> actors, DateOnly on)
    {
        var check = EvaluationLifecycle.Rules.Check(Stage, step, actors, null);
        if (!check.IsSuccess) return Result.Fail(check.Error!);
        if (DomainRange.Date(on, nameof(on)) is { } badDate) return Result.Fail(badDate);
        var lastReached = _stages.Where(s => s.Reached is not null).Select(s => s.Reached!.Value).DefaultIfEmpty(DateOnly.MinValue).Max();
        if (on < lastReached) return Fail("Evaluation.DateBeforePreviousStage");
        if (Stage == EvaluationStage.Planned) _stages.Single(s => s.Stage == EvaluationStage.Planned).Reach(lastReached == DateOnly.MinValue ? on : lastReached);
        var next = check.Value!.To;
        _stages.Single(s => s.Stage == next).Reach(on);
        Stage = next;
        return Result.Success;
    }

    public Result Replan(EvaluationStage stage, DateOnly? planned)
    {
        if (DomainRange.Date(planned, nameof(planned)) is { } badDate) return Result.Fail(badDate);
        _stages.Single(s => s.Stage == stage).Plan(planned);
        return Result.Success;
    }

    public Result AddParticipant(string name, string? organisation, ParticipantRole role)
    {
        if (string.IsNullOrWhiteSpace(name)) return Fail("Evaluation.NameRequired");
        if (DomainRange.FirstOf(DomainRange.Text(name, NameMaxLength, nameof(name)), DomainRange.Text(organisation, NameMaxLength, nameof(organisation))) is { } tooLong)
            return Result.Fail(tooLong);
        if (_participants.Any(p => p.Role == role && string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))) return Fail("Evaluation.ParticipantTwice");
        _participants.Add(new EvaluationParticipant(name, organisation, role));
        return Result.Success;
    }

    /// <summary>Evidence is gathered until the report is written; a decided evaluation's file is closed.</summary>
    public Result AddEvidence(EvidenceKind kind, string title, string? reference, DateOnly on)
    {
        if (Stage == EvaluationStage.Decided) return Fail("Evaluation.AlreadyDecided");
        if (string.IsNullOrWhiteSpace(title)) return Fail("Evaluation.TitleRequired");
        if (DomainRange.FirstOf(DomainRange.Text(title, TitleMaxLength, nameof(title)), DomainRange.Text(reference, ReferenceMaxLength, nameof(reference)),
                DomainRange.Date(on, nameof(on))) is { } outOfRange) return Result.Fail(outOfRange);
        _evidence.Add(new EvaluationEvidence(kind, title, reference, on));
        return Result.Success;
    }

    /// <summary>Findings and recommendations come from the expert panel and the report.</summary>
    public Result AddRecommendation(string finding, string text, string? owner, DateOnly? due)
    {
        if (Stage < EvaluationStage.ExpertPanel) return Fail("Evaluation.RecommendationTooEarly");
        if (string.IsNullOrWhiteSpace(finding) || string.IsNullOrWhiteSpace(text)) return Fail("Evaluation.RecommendationRequired");
        if (DomainRange.FirstOf(DomainRange.Text(finding, TextMaxLength, nameof(finding)), DomainRange.Text(text, TextMaxLength, nameof(text)),
                DomainRange.Text(owner, NameMaxLength, nameof(owner)), DomainRange.Date(due, nameof(due))) is { } outOfRange) return Result.Fail(outOfRange);
        _recommendations.Add(new Recommendation(finding, text, owner, due));
        return Result.Success;
    }

    public Result FollowUp(Guid recommendationId, FollowUpStatus status, string? note)
    {
        var r = _recommendations.FirstOrDefault(x => x.Id == recommendationId);
        if (r is null) return Fail("Evaluation.RecommendationUnknown");
        if (status == FollowUpStatus.NotFollowed && string.IsNullOrWhiteSpace(note)) return Fail("Evaluation.ReasonRequired");
        if (DomainRange.Text(note, TextMaxLength, nameof(note)) is { } tooLong) return Result.Fail(tooLong);
        r.FollowUp(status, note);
        return Result.Success;
    }

    /// <summary>Late: the planned day of the next stage has passed and the evaluation has not reached it.</summary>
    public bool IsLate(DateOnly today) =>
        EvaluationLifecycle.Next(Stage) is { } next && _stages.Single(s => s.Stage == next).Planned is { } planned && planned < today;

    private static Result Fail(string code) => Result.Fail(new DomainError(code));
}
