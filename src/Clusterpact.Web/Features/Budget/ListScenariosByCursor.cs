using Clusterpact.Web.Infrastructure.Requests;

namespace Clusterpact.Web.Features.Budget;

/// <summary>The saved budget scenarios for the API, oldest first: one cursor window read in SQL, each row of it projected for its total (the page's list is <see cref="ListScenarios"/>).</summary>
public sealed class ListScenariosByCursor(ClusterpactDbContext db) : IUseCase
{
    /// <summary>The API's orders: by id (creation), name, first year or last change.</summary>
    public static readonly ApiSort<Domain.Budget.SavedBudgetScenario> Sort = new ApiSort<Domain.Budget.SavedBudgetScenario>()
        .By("name", s => s.Name).By("firstYear", s => s.FirstYear).By("updatedAt", s => s.UpdatedAt);

    public Task<ApiList<ScenarioSummaryDto>> HandleAsync(ListWindow window, CancellationToken ct) =>
        db.BudgetScenarios.ToApiListAsync(Sort, window, db, (rows, _) => Task.FromResult<IReadOnlyList<ScenarioSummaryDto>>(rows.Select(ScenarioSummaryDto.From).ToList()), ct);
}
