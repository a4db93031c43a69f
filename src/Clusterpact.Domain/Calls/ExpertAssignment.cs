namespace Clusterpact.Domain.Calls;

/// <summary>None until the expert has declared; then NoConflict or Conflict.</summary>
public enum ConflictDeclaration { None, NoConflict, Conflict }

/// <summary>
/// The expert's declaration on an assignment as one table: from not declared to no conflict or conflict, and from no
/// conflict to conflict when the expert finds one later; a conflict is final. Only the expert declares (the agency
/// assigns and takes an expert off, which ends the assignment rather than moving it).
/// </summary>
public static class AssignmentLifecycle
{
    public const string DeclareNoConflict = "DeclareNoConflict";
    public const string DeclareConflict = "DeclareConflict";

    public static readonly Lifecycle<ConflictDeclaration> Rules = new("Assignment",
    [
        Step.Of(DeclareNoConflict, ConflictDeclaration.None, ConflictDeclaration.NoConflict, Actor.Expert),
        Step.Of(DeclareConflict, ConflictDeclaration.None, ConflictDeclaration.Conflict, Actor.Expert, reasonRequired: true),
        Step.Of(DeclareConflict, ConflictDeclaration.NoConflict, ConflictDeclaration.Conflict, Actor.Expert, reasonRequired: true),
    ]);
}

/// <summary>An expert's score on one criterion, with the written justification the jury and the applicant can read back.</summary>
public sealed record Score(string CriterionCode, decimal Value, string Justification, DateTimeOffset ScoredAt)
{
    /// <summary>A justification shorter than this is a number without a reason ("good", "see above").</summary>
    public const int JustificationMinLength = 20;
    public const int JustificationMaxLength = 4000;
}

/// <summary>
/// A score as a panel member sees it: the juror by number ("Expert 1", in the order the agency assigned the panel), never
/// by name, and whether it is the viewer's own.
/// </summary>
public sealed record PanelScore(int Juror, bool Own, string CriterionCode, decimal Value, string Justification);

/// <summary>
/// One external expert assigned to one application. The expert first declares whether they have a conflict of interest;
/// only with "no conflict" may they see the panel's scores or score themselves (SERV advice 2015, §4.5: an independent
/// jury). Likely conflicts found in the registers (<see cref="ConflictDetector"/>) are shown to the expert, who must
/// then explain a "no conflict" declaration.
/// </summary>
public sealed class ExpertAssignment : IAuditable
{
    private readonly List<ConflictFlag> _detectedConflicts = [];
    private readonly List<Score> _scores = [];

    private ExpertAssignment() { }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public Guid CallId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid ExpertId { get; private set; }
    public IReadOnlyList<ConflictFlag> DetectedConflicts => _detectedConflicts;
    public ConflictDeclaration Declaration { get; private set; }
    public string? DeclarationExplanation { get; private set; }
    public DateTimeOffset? DeclaredAt { get; private set; }
    public IReadOnlyList<Score> Scores => _scores;

    /// <summary>Only an expert who declared no conflict takes part: sees the panel's scores, scores, and counts in the ranking.</summary>
    public bool MayScore => Declaration == ConflictDeclaration.NoConflict;

    /// <summary>
    /// Assigns an expert to an application found eligible. The expert's organisation and employer (enterprise numbers,
    /// either may be unknown) are checked against the applicant and its committed members.
    /// </summary>
    public static Result<ExpertAssignment> Assign(Application application, Guid expertId, string? expertOrganisation, string? expertEmployer)
    {
        if (application.Status is not (ApplicationStatus.Eligible or ApplicationStatus.UnderReview))
            return Result<ExpertAssignment>.Fail(new DomainError("Expert.ApplicationNotEligible"));
        var assignment = new ExpertAssignment
        {
            Id = Guid.CreateVersion7(), CallId = application.CallId, ApplicationId = application.Id, ExpertId = expertId,
            Declaration = ConflictDeclaration.None,
        };
        assignment._detectedConflicts.AddRange(ConflictDetector.Detect(expertOrganisation, expertEmployer,
            application.ApplicantEnterpriseNumber, application.CommittedMembers.Select(m => m.EnterpriseNumber)));
        return Result<ExpertAssignment>.Ok(assignment);
    }

    /// <summary>
    /// The declaration as the expert's form gives it: the step chosen (no conflict, or conflict) with the explanation.
    /// Choosing nothing is refused, never read as "no conflict": the proposal opens only on an explicit declaration.
    /// </summary>
    public Result Declare(string? step, IReadOnlySet<Actor> actors, string? explanation, DateTimeOffset at) => step switch
    {
        null or "" => Result.Fail(new DomainError("Expert.DeclarationChoiceRequired")),
        AssignmentLifecycle.DeclareConflict => DeclareConflict(actors, explanation, at),
        AssignmentLifecycle.DeclareNoConflict => DeclareNoConflict(actors, explanation, at),
        _ => Result.Fail(new DomainError(Lifecycle<ConflictDeclaration>.UnknownStep)),
    };

    /// <summary>
    /// Declares no conflict. When the registers flagged a likely conflict the expert says why it is none (e.g. left that
    /// employer years ago), so the programme officer can judge it.
    /// </summary>
    public Result DeclareNoConflict(IReadOnlySet<Actor> actors, string? explanation, DateTimeOffset at)
    {
        explanation = Clean(explanation);
        if (Check(AssignmentLifecycle.DeclareNoConflict, actors, explanation) is { IsSuccess: false } refused) return refused;
        if (_detectedConflicts.Count > 0 && explanation is null) return Result.Fail(new DomainError("Expert.ExplainFlaggedConflict"));
        return Move(AssignmentLifecycle.DeclareNoConflict, actors, explanation, at);
    }

    /// <summary>
    /// Declares a conflict, also after a "no conflict" when the expert finds one later. It is final: the expert's scores
    /// stop counting and they no longer see the panel's, and a conflict cannot be declared away afterwards.
    /// </summary>
    public Result DeclareConflict(IReadOnlySet<Actor> actors, string? explanation, DateTimeOffset at) =>
        Move(AssignmentLifecycle.DeclareConflict, actors, Clean(explanation), at);

    /// <summary>Whether the table lets these actors take the step now; a conflict without its explanation says so in its own words.</summary>
    private Result Check(string step, IReadOnlySet<Actor> actors, string? explanation)
    {
        var check = AssignmentLifecycle.Rules.Check(Declaration, step, actors, explanation);
        if (check.IsSuccess) return Result.Success;
        return Result.Fail(check.Error!.Code == Lifecycle<ConflictDeclaration>.ReasonRequired ? new DomainError("Expert.ConflictExplanationRequired") : check.Error);
    }

    private Result Move(string step, IReadOnlySet<Actor> actors, string? explanation, DateTimeOffset at)
    {
        if (Check(step, actors, explanation) is { IsSuccess: false } refused) return refused;
        Declaration = AssignmentLifecycle.Rules.Find(Declaration, step)!.To;
        DeclarationExplanation = explanation;
        DeclaredAt = at;
        return Result.Success;
    }

    /// <summary>
    /// Scores one criterion on the call's scale with a written justification, while the application is under review.
    /// Scoring a criterion again replaces the earlier score.
    /// </summary>
    public Result RecordScore(Call call, Application application, string criterionCode, decimal value, string? justification, DateTimeOffset at)
    {
        if (application.Id != ApplicationId || call.Id != CallId) throw new ArgumentException("The assignment is for another application.", nameof(application));
        if (Declaration == ConflictDeclaration.None) return Result.Fail(new DomainError("Expert.DeclarationRequired"));
        if (Declaration == ConflictDeclaration.Conflict) return Result.Fail(new DomainError("Expert.Conflicted"));
        if (application.Status != ApplicationStatus.UnderReview) return Result.Fail(new DomainError("Score.NotUnderReview"));
        var check = CheckScore(call, criterionCode, value, justification);
        if (!check.IsSuccess) return Result.Fail(check.Error!);
        _scores.RemoveAll(s => s.CriterionCode == check.Value!.Code);
        _scores.Add(new Score(check.Value!.Code, value, check.Value.Justification, at));
        return Result.Success;
    }

    public bool HasScored(string criterionCode) => _scores.Any(s => string.Equals(s.CriterionCode, criterionCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The scores on the same application that <paramref name="viewer"/> may read: none before the viewer declared no
    /// conflict; their own until the consensus is reached, so a first judgement is not anchored on a colleague's; after
    /// it, the panel's too, never those of a conflicted member. Jurors are numbered in the order they were assigned
    /// (version-7 ids are time-ordered), which does not change as they score or declare.
    /// </summary>
    public static Result<IReadOnlyList<PanelScore>> ScoresVisibleTo(ExpertAssignment viewer, IEnumerable<ExpertAssignment> panel, bool consensusReached)
    {
        if (viewer.Declaration == ConflictDeclaration.None) return Result<IReadOnlyList<PanelScore>>.Fail(new DomainError("Expert.DeclarationRequired"));
        if (viewer.Declaration == ConflictDeclaration.Conflict) return Result<IReadOnlyList<PanelScore>>.Fail(new DomainError("Expert.Conflicted"));
        var visible = panel.Where(a => a.ApplicationId == viewer.ApplicationId).OrderBy(a => a.Id)
            .Select((a, i) => (Assignment: a, Juror: i + 1))
            .Where(x => x.Assignment.Id == viewer.Id || (consensusReached && x.Assignment.MayScore))
            .SelectMany(x => x.Assignment._scores.Select(s => new PanelScore(x.Juror, x.Assignment.Id == viewer.Id, s.CriterionCode, s.Value, s.Justification)))
            .ToList();
        return Result<IReadOnlyList<PanelScore>>.Ok(visible);
    }

    /// <summary>The checks a score and a consensus score share: a criterion of the call, within its scale, justified in writing.</summary>
    internal static Result<(string Code, string Justification)> CheckScore(Call call, string? criterionCode, decimal value, string? justification)
    {
        var criterion = call.Criteria.FirstOrDefault(c => string.Equals(c.Code, criterionCode?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (criterion is null) return Result<(string, string)>.Fail(new DomainError("Score.UnknownCriterion"));
        // Scores are kept in points and hundredths (numeric(9,2)).
        if (!call.Scale.Contains(value) || !DomainRange.HasDecimals(value, 2)) return Result<(string, string)>.Fail(new DomainError("Score.OutOfScale"));
        var text = Clean(justification);
        if (text is null || text.Length < Score.JustificationMinLength) return Result<(string, string)>.Fail(new DomainError("Score.JustificationTooShort"));
        if (DomainRange.Text(text, Score.JustificationMaxLength, nameof(justification)) is { } tooLong) return Result<(string, string)>.Fail(tooLong);
        return Result<(string, string)>.Ok((criterion.Code, text));
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
