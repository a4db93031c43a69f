namespace Clusterpact.Web.Features.Review;

/// <summary>
/// The expert's declaration on their assignment: the step chosen on the form (none chosen is refused) with its
/// explanation, checked by the assignment against its table. Only after "no conflict" may they read and score.
/// </summary>
public sealed class DeclareConflictOfInterest(ClusterpactDbContext db, Scope scope, RecordActors actors, TimeProvider clock) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid assignmentId, long version, string? step, string? explanation, CancellationToken ct) =>
        AssignmentChanges.SaveAsync(db, scope, assignmentId, version,
            (a, _, _) => a.Declare(step, actors.OnAssignment(a.ExpertId), explanation, clock.GetUtcNow()), "Declaration", ct);
}
