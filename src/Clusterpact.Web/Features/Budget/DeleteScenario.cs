namespace Clusterpact.Web.Features.Budget;

/// <summary>Agency staff delete a scenario at the version they saw.</summary>
public sealed class DeleteScenario(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid id, long version, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var saved = await db.BudgetScenarios.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (saved is null) return CommandOutcome.NotFound;
        if (saved.Version != version) return CommandOutcome.Conflict;
        db.Entry(saved).Property(s => s.Version).OriginalValue = version;
        db.BudgetScenarios.Remove(saved);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CommandOutcome.Conflict; }
        return CommandOutcome.Ok(version);
    }
}
