namespace Clusterpact.Web.Features.Review;

/// <summary>
/// What the expert's commands share: their own assignment only (any other is not found), the version they saw, the
/// assignment's own change, a refusal on its field (a score's refusal on its criterion's line), and the save.
/// </summary>
public static class AssignmentChanges
{
    public static async Task<CommandOutcome> SaveAsync(ClusterpactDbContext db, Scope scope, Guid assignmentId, long version,
        Func<ExpertAssignment, Call, Application, Result> change, string field, CancellationToken ct)
    {
        var assignment = await scope.Assignments().SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null) return CommandOutcome.NotFound;
        if (assignment.Version != version) return CommandOutcome.Conflict;
        var app = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == assignment.ApplicationId, ct);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        var result = change(assignment, call, app);
        if (!result.IsSuccess)
            return StepRefusal.Of<ConflictDeclaration>(result.Error!, result.Error!.Rule is { } code && field == "Scores" ? "Scores_" + code : field);
        return await db.SaveVersionedAsync(assignment, version, ct);
    }
}
