namespace Clusterpact.Web.Features.Review;

public sealed record ScoreLine(string Code, decimal? Value, string? Justification);

/// <summary>The expert saves the filled-in criteria; the first refused line is reported on its own field and nothing is saved.</summary>
public sealed class ScoreApplication(ClusterpactDbContext db, Scope scope, TimeProvider clock) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid assignmentId, long version, IReadOnlyList<ScoreLine> lines, CancellationToken ct) =>
        AssignmentChanges.SaveAsync(db, scope, assignmentId, version, (a, call, app) =>
        {
            foreach (var line in lines.Where(l => l.Value is not null || !string.IsNullOrWhiteSpace(l.Justification)))
            {
                if (line.Value is null) return Result.Fail(new DomainError("Score.OutOfScale", line.Code));
                var scored = a.RecordScore(call, app, line.Code, line.Value.Value, line.Justification, clock.GetUtcNow());
                if (!scored.IsSuccess) return Result.Fail(new DomainError(scored.Error!.Code, line.Code));
            }
            return Result.Success;
        }, "Scores", ct);
}
