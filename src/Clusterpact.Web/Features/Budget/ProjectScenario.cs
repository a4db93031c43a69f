namespace Clusterpact.Web.Features.Budget;

/// <summary>A saved scenario with its projection (or the rule its parameters break), and whether the caller may change it.</summary>
public sealed record ProjectedScenario(SavedBudgetScenario Saved, Result<ScenarioProjection> Projection, bool CanEdit);

/// <summary>A saved scenario projected year by year, per cluster and in total; null when there is none.</summary>
public sealed class ProjectScenario(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    public async Task<ProjectedScenario?> HandleAsync(Guid id, CancellationToken ct)
    {
        var saved = await db.BudgetScenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return saved is null ? null : new ProjectedScenario(saved, ScenarioProjection.Compute(saved.ToScenario()), await permissions.HasAsync(Policies.AgencyStaff));
    }
}
