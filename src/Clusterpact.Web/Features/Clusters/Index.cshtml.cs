using Clusterpact.Domain.Clusters;
using Clusterpact.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Clusterpact.Web.Infrastructure.Export;
using Clusterpact.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Clusterpact.Web.Features.Clusters;

public sealed class IndexModel(ListClusters list, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public ClusterType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ClusterStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ClusterSort Sort { get; set; } = ClusterSort.Name;
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<ClusterListItem> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Bad query values (an unknown type, a page of -3) are ignored by binding; the list still shows.
        ModelState.Clear();
        Result = await list.HandleAsync(new ClusterListQuery(Search, Type, Status, Sort, Desc, PageNumber), ct);
    }

    public PagerModel Pager => new(Result.Page, Result.PageSize, Result.TotalCount, "/Clusters", Filters());

    /// <summary>The filtered, sorted list as Excel or CSV, with the headers and labels in the user's language.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        ModelState.Clear();
        var rows = await list.AllAsync(new ClusterListQuery(Search, Type, Status, Sort, Desc), ct);
        ExportColumn<ClusterListItem>[] columns =
        [
            new(text["Clusters.Name"], r => r.Name),
            new(text["Clusters.Type"], r => text["ClusterType." + r.Type].Value),
            new(text["Clusters.Domain"], r => r.StrategicDomain),
            new(text["Clusters.Status"], r => text["ClusterStatus." + r.Status].Value),
            new(text["Clusters.Start"], r => r.SupportStart),
            new(text["Clusters.End"], r => r.SupportEnd),
            new(text["Clusters.Members"], r => r.ActiveMembers),
        ];
        return await TableExport.ToFileAsync(format, text["Clusters.Title"], "clusters", rows, columns, clock, ct);
    }

    public string ExportUrl(string format) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Clusters",
            Filters().Append(new("handler", "Export")).Append(new("format", format)).Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public IDictionary<string, string?> Filters(ClusterSort? sort = null, bool? desc = null) => new Dictionary<string, string?>
    {
        ["search"] = Search,
        ["type"] = Type?.ToString(),
        ["status"] = Status?.ToString(),
        ["sort"] = (sort ?? Sort).ToString(),
        ["desc"] = (desc ?? Desc) ? "true" : null,
    };

    public string SortUrl(ClusterSort column) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Clusters",
            Filters(column, column == Sort && !Desc).Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public string AriaSort(ClusterSort column) => column != Sort ? "none" : Desc ? "descending" : "ascending";
}
