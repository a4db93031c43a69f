using Clusterpact.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Clusterpact.Web.Features.Budget;

/// <summary>The saved budget scenarios, with search, sorting and paging; agency staff start new ones from here.</summary>
public sealed class IndexModel(BudgetPlannerService planner) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public ScenarioSort Sort { get; set; } = ScenarioSort.Updated;
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; } = true;
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<ScenarioRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanEdit { get; private set; }
    public PagerModel Pager => new(Result.Page, Result.PageSize, Result.TotalCount, "/Budget", Filters());

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        CanEdit = await planner.CanEditAsync();
        Result = await planner.ListAsync(Search, Sort, Desc, Paging.ClampPage(PageNumber), ct);
    }

    public Dictionary<string, string?> Filters() => new() { ["search"] = Search, ["sort"] = Sort.ToString(), ["desc"] = Desc ? "true" : "false" };

    public string SortUrl(ScenarioSort column)
    {
        var q = Filters();
        q["sort"] = column.ToString();
        q["desc"] = column == Sort ? (!Desc).ToString().ToLowerInvariant() : "false";
        return QueryHelpers.AddQueryString("/Budget", q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public string? AriaSort(ScenarioSort column) => column == Sort ? (Desc ? "descending" : "ascending") : null;
}
