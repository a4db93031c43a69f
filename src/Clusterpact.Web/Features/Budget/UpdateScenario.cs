namespace Clusterpact.Web.Features.Budget;

/// <summary>Agency staff change a scenario's parameters at the version they saw.</summary>
public sealed class UpdateScenario(ClusterpactDbContext db, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid id, long version, BudgetScenario scenario, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var saved = await db.BudgetScenarios.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (saved is null) return CommandOutcome.NotFound;
        if (saved.Version != version) return CommandOutcome.Conflict;
        var replaced = saved.Replace(scenario, clock.GetUtcNow());
        if (!replaced.IsSuccess) return SavedScenarios.Invalid(scenario, replaced.Error!.Code);
        return await db.SaveVersionedAsync(saved, version, ct);
    }
}
