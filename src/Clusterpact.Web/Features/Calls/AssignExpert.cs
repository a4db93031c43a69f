namespace Clusterpact.Web.Features.Calls;

/// <summary>
/// Agency staff assign an expert to a submitted application; the register check for likely conflicts runs on the expert's
/// affiliation's enterprise number. The API passes the application's version it read (If-Match), the page none.
/// </summary>
public sealed class AssignExpert(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid applicationId, Guid expertId, long? version, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.Status != ApplicationStatus.Draft, ct);
        if (app is null) return CommandOutcome.NotFound;
        if (version is { } v && app.Version != v) return CommandOutcome.Conflict;
        var expert = await ActiveExperts(db).SingleOrDefaultAsync(u => u.Id == expertId, ct);
        if (expert is null) return CommandOutcome.Invalid("ExpertId", "Expert.Unknown");
        if (await db.ExpertAssignments.AnyAsync(a => a.ApplicationId == applicationId && a.ExpertId == expertId, ct)) return CommandOutcome.Invalid("ExpertId", "Expert.AlreadyAssigned");
        var assigned = ExpertAssignment.Assign(app, expertId, null, expert.AffiliationEnterpriseNumber);
        if (!assigned.IsSuccess) return CallChanges.Refusal(assigned.Error!, "ExpertId");
        db.ExpertAssignments.Add(assigned.Value!);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Created(assigned.Value!.Id, assigned.Value.Version);
    }

    /// <summary>Active users with the external-expert role: who may be assigned.</summary>
    public static IQueryable<AppUser> ActiveExperts(ClusterpactDbContext db) =>
        db.Users.AsNoTracking().Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.ExternalExpert)));
}
