namespace Clusterpact.Web.Features.Calls;

/// <summary>
/// Agency staff take an expert off an application: only before they scored, so no judgement disappears from the record.
/// The API passes the assignment's version it read (If-Match), the page none.
/// </summary>
public sealed class UnassignExpert(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid applicationId, Guid assignmentId, long? version, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var assignment = await db.ExpertAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.ApplicationId == applicationId, ct);
        if (assignment is null) return CommandOutcome.NotFound;
        if (version is { } v && assignment.Version != v) return CommandOutcome.Conflict;
        if (assignment.Scores.Count > 0 && assignment.Declaration != ConflictDeclaration.Conflict) return CommandOutcome.Invalid("ExpertId", "Expert.HasScored");
        db.ExpertAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Ok(0);
    }
}
