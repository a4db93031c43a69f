using Clusterpact.Domain.Projects;
using Clusterpact.Web.Features.Shared;
using Clusterpact.Web.Infrastructure.Auth;
using Clusterpact.Web.Infrastructure.Export;
using Clusterpact.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clusterpact.Web.Features.Projects;

public sealed class IndexModel(ProjectQueries queries, ClusterAccess access, CurrentUser user, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Cluster { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public StrategicTheme? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectSort Sort { get; set; } = ProjectSort.Start;
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; } = true;
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<ProjectListItem> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<(Guid Id, string Name)> ClusterOptions { get; private set; } = [];
    public bool CanPropose => user.IsAgencyStaff || user.IsInRole(Roles.ClusterManager);
    public PagerModel Pager => new(Result.Page, Result.PageSize, Result.TotalCount, "/Projects", Filters());

    private ProjectListQuery Query(int page = 1) => new(Search, Cluster, Type, Status, Theme, Year, Organisation, Sort, Desc, page);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        ClusterOptions = (await access.VisibleClusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();
        Result = await queries.ListAsync(Query(PageNumber), ct);
    }

    /// <summary>The filtered project list as Excel or CSV.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        ModelState.Clear();
        var rows = await queries.AllAsync(Query(), ct);
        ExportColumn<ProjectListItem>[] columns =
        [
            new(text["Projects.TitleField"], r => r.Title),
            new(text["Projects.Type"], r => text["ProjectType." + r.Type].Value),
            new(text["Projects.Status"], r => text[Project.Lifecycle.StateKey(r.Status)].Value),
            new(text["Projects.Theme"], r => text["StrategicTheme." + r.Theme].Value),
            new(text["Projects.Clusters"], r => string.Join(", ", r.ClusterNames)),
            new(text["Projects.Lead"], r => r.LeadName),
            new(text["Projects.Start"], r => r.Start),
            new(text["Projects.End"], r => r.End),
            new(text["Projects.TotalBudget"], r => r.TotalBudget),
            new(text["Projects.Aid"], r => r.Aid),
        ];
        return await TableExport.ToFileAsync(format, text["Projects.Title"], "projecten", rows, columns, clock, ct);
    }

    private Dictionary<string, string?> Filters(ProjectSort? sort = null, bool? desc = null) => new()
    {
        ["search"] = Search, ["cluster"] = Cluster?.ToString(), ["type"] = Type?.ToString(), ["status"] = Status?.ToString(), ["theme"] = Theme?.ToString(),
        ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["organisation"] = Organisation?.ToString(),
        ["sort"] = (sort ?? Sort).ToString(), ["desc"] = (desc ?? Desc) ? "true" : "false",
    };

    public string SortUrl(ProjectSort column) => QueryHelpers.AddQueryString("/Projects", Filters(column, column == Sort && !Desc).Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public string ExportUrl(string format) =>
        QueryHelpers.AddQueryString("/Projects", Filters().Append(new("handler", "Export")).Append(new("format", format)).Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public string AriaSort(ProjectSort column) => column != Sort ? "none" : Desc ? "descending" : "ascending";
}
