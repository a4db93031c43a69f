namespace Clusterpact.Web.Features.Budget;

/// <summary>Saved scenarios side by side, in the order given (the first is the baseline); null when one does not exist.</summary>
public sealed class CompareScenarios(ClusterpactDbContext db) : IUseCase
{
    public async Task<Result<ScenarioComparison>?> HandleAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var saved = await db.BudgetScenarios.AsNoTracking().Where(s => distinct.Contains(s.Id)).ToListAsync(ct);
        if (saved.Count != distinct.Count) return null;
        var projections = new List<ScenarioProjection>();
        foreach (var s in distinct.Select(i => saved.Single(x => x.Id == i)))
        {
            var p = ScenarioProjection.Compute(s.ToScenario());
            if (!p.IsSuccess) return Result<ScenarioComparison>.Fail(p.Error!);
            projections.Add(p.Value!);
        }
        return ScenarioComparison.Of(projections);
    }
}
