namespace Clusterpact.Web.Features.Budget;

/// <summary>
/// Agency staff copy a scenario under a new name, to vary it without losing it; with the version they saw (the API's
/// If-Match), a scenario changed meanwhile is not copied. The outcome carries the copy's id.
/// </summary>
public sealed class CopyScenario(ClusterpactDbContext db, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid id, string name, CancellationToken ct, long? version = null)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var saved = await db.BudgetScenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (saved is null) return CommandOutcome.NotFound;
        if (version is { } seen && seen != saved.Version) return CommandOutcome.Conflict;
        return await SavedScenarios.AddAsync(db, clock, saved.ToScenario() with { Name = name }, ct);
    }
}
