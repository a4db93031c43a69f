namespace Clusterpact.Web.Features.Budget;

/// <summary>Every saved scenario's id, name and period, by name: what the comparison offers to pick.</summary>
public sealed class ListScenarioChoices(ClusterpactDbContext db) : IUseCase
{
    public async Task<IReadOnlyList<(Guid Id, string Name, int FirstYear, int LastYear)>> HandleAsync(CancellationToken ct) =>
        (await db.BudgetScenarios.AsNoTracking().Select(s => new { s.Id, s.Name, s.FirstYear, s.LastYear }).ToListAsync(ct))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).Select(s => (s.Id, s.Name, s.FirstYear, s.LastYear)).ToList();
}
