namespace Clusterpact.Web.Features.Budget;

/// <summary>One saved scenario with its parameters, as the edit form and a copy start from it; null when there is none.</summary>
public sealed class GetScenario(ClusterpactDbContext db) : IUseCase
{
    public Task<SavedBudgetScenario?> HandleAsync(Guid id, CancellationToken ct) => db.BudgetScenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
}
