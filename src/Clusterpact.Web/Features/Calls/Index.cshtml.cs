using Clusterpact.Domain.Calls;
using Clusterpact.Web.Features.Shared;
using Clusterpact.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clusterpact.Web.Features.Calls;

/// <summary>The agency's calls: drafts, published, closed and decided, with search, filters, sorting and paging.</summary>
public sealed class IndexModel(CallService calls) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public CallKind? Kind { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public CallStatus? Status { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public CallSort Sort { get; set; } = CallSort.Closes;
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Desc { get; set; } = true;
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<CallRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool English => Cultures.IsEnglish;
    public PagerModel Pager => new(Result.Page, Result.PageSize, Result.TotalCount, "/Calls", Filters());

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Result = await calls.ListAsync(Search, Kind, Status, Sort, Desc, Paging.ClampPage(PageNumber), ct);
    }

    public Dictionary<string, string?> Filters() => new()
    {
        ["search"] = Search, ["kind"] = Kind?.ToString(), ["status"] = Status?.ToString(), ["sort"] = Sort.ToString(), ["desc"] = Desc ? "true" : "false",
    };

    public string SortUrl(CallSort column)
    {
        var q = Filters();
        q["sort"] = column.ToString();
        q["desc"] = column == Sort ? (!Desc).ToString().ToLowerInvariant() : "false";
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Calls", q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public string? AriaSort(CallSort column) => column == Sort ? (Desc ? "descending" : "ascending") : null;
}
