namespace Clusterpact.Domain.Calls;

/// <summary>The panel's agreed score on one criterion, as the programme officer recorded it after the jury's discussion.</summary>
public sealed record ConsensusScore(string CriterionCode, decimal Value, string Justification, Guid RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// The consensus step: after every assigned expert without a conflict has scored a criterion, the jury discusses and
/// the programme officer records the agreed score with its justification. It replaces the mean of the experts' scores
/// in the ranking, since it is the jury's considered judgement rather than an average of first impressions.
/// </summary>
public sealed class Consensus : IAuditable
{
    private readonly List<ConsensusScore> _scores = [];

    private Consensus() { }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public Guid ApplicationId { get; private set; }
    public IReadOnlyList<ConsensusScore> Scores => _scores;

    /// <summary>Whether the jury agreed a score on every criterion of the call: from then on its members may read each other's scores.</summary>
    public bool IsCompleteFor(Call call) => call.Criteria.All(c => _scores.Any(s => s.CriterionCode == c.Code));

    public static Consensus For(Application application) => new() { Id = Guid.CreateVersion7(), ApplicationId = application.Id };

    /// <summary>
    /// Records (or replaces) the consensus score on one criterion. Refused until each assigned expert who has not
    /// declared a conflict has scored it; an expert who never declared blocks it too, until the officer withdraws them.
    /// </summary>
    public Result Record(Call call, Application application, IEnumerable<ExpertAssignment> assignments, string criterionCode, decimal value,
        string? justification, Guid officer, DateTimeOffset at)
    {
        if (application.Id != ApplicationId || application.CallId != call.Id) throw new ArgumentException("The consensus is for another application.", nameof(application));
        if (application.Status != ApplicationStatus.UnderReview) return Result.Fail(new DomainError("Score.NotUnderReview"));
        var check = ExpertAssignment.CheckScore(call, criterionCode, value, justification);
        if (!check.IsSuccess) return Result.Fail(check.Error!);
        var code = check.Value!.Code;
        var panel = assignments.Where(a => a.ApplicationId == ApplicationId && a.Declaration != ConflictDeclaration.Conflict).ToList();
        if (panel.Count == 0) return Result.Fail(new DomainError("Consensus.NoExperts"));
        if (panel.Any(a => !a.HasScored(code))) return Result.Fail(new DomainError("Consensus.ScoringIncomplete"));
        _scores.RemoveAll(s => s.CriterionCode == code);
        _scores.Add(new ConsensusScore(code, value, check.Value.Justification, officer, at));
        return Result.Success;
    }
}
