using Clusterpact.Web.Infrastructure.Requests;

namespace Clusterpact.Web.Features.Budget;

/// <summary>The saved budget scenarios for the API, oldest first: one cursor window read in SQL, each row of it projected for its total (the page's list is <see cref="ListScenarios"/>).</summary>
public sealed class ListScenariosByCursor(ClusterpactDbContext db) : IUseCase
{
    public Task<ApiList<ScenarioSummaryDto>> HandleAsync(ListWindow window, CancellationToken ct) =>
        db.BudgetScenarios.ToApiListAsync(window, (rows, _) => Task.FromResult<IReadOnlyList<ScenarioSummaryDto>>(rows.Select(ScenarioSummaryDto.From).ToList()), ct);
}
