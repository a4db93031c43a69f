namespace Clusterpact.Web.Features.Budget;

public enum ScenarioSort { Name, Basis, Period, Total, Updated }

/// <summary>A saved scenario in the list, with its total over the period (null when its parameters no longer project).</summary>
public sealed record ScenarioRow(Guid Id, string Name, GreenPaperScenario Basis, int FirstYear, int LastYear, int Clusters, decimal? Total, DateTimeOffset UpdatedAt);

/// <summary>A page of saved scenarios, and whether the caller may start new ones (agency staff).</summary>
public sealed record ScenarioList(Paged<ScenarioRow> Rows, bool CanEdit);

/// <summary>The saved budget scenarios, searched, sorted and paged; readers may look at them.</summary>
public sealed class ListScenarios(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    public async Task<ScenarioList> HandleAsync(string? search, ScenarioSort sort, bool desc, PageRequest page, CancellationToken ct)
    {
        var canEdit = await permissions.HasAsync(Policies.AgencyStaff);
        var query = db.BudgetScenarios.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var t = search.Trim().ToLower();
            query = query.Where(s => s.Name.ToLower().Contains(t) || (s.Notes != null && s.Notes.ToLower().Contains(t)));
        }
        // Scenarios are few (a handful per policy round): project and sort them in memory.
        var rows = (await query.ToListAsync(ct)).Select(s =>
        {
            var projection = ScenarioProjection.Compute(s.ToScenario());
            return new ScenarioRow(s.Id, s.Name, s.Basis, s.FirstYear, s.LastYear, s.Clusters.Count, projection.IsSuccess ? projection.Value!.Total.Total : null, s.UpdatedAt);
        });
        var ordered = sort switch
        {
            ScenarioSort.Basis => desc ? rows.OrderByDescending(r => EnumOrder.Rank(r.Basis)).ThenBy(r => r.Name) : rows.OrderBy(r => EnumOrder.Rank(r.Basis)).ThenBy(r => r.Name),
            ScenarioSort.Period => desc ? rows.OrderByDescending(r => r.FirstYear).ThenByDescending(r => r.LastYear) : rows.OrderBy(r => r.FirstYear).ThenBy(r => r.LastYear),
            ScenarioSort.Total => desc ? rows.OrderByDescending(r => r.Total) : rows.OrderBy(r => r.Total),
            ScenarioSort.Updated => desc ? rows.OrderByDescending(r => r.UpdatedAt) : rows.OrderBy(r => r.UpdatedAt),
            _ => desc ? rows.OrderByDescending(r => r.Name, StringComparer.CurrentCultureIgnoreCase) : rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
        };
        return new ScenarioList(ordered.ThenBy(r => r.Id).ToPage(page), canEdit);
    }
}
