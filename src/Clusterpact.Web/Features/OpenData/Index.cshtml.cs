using Clusterpact.Domain.OpenData;
using Clusterpact.Web.Features.Shared;
using Clusterpact.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Clusterpact.Web.Features.OpenData;

/// <summary>
/// The public list of aid awarded above the transparency threshold (GBER art. 9), searchable and filterable, with the
/// downloads. Agency staff also see what was not published and why, so they can complete the register.
/// </summary>
public sealed class IndexModel(OpenDataService service, Permissions permissions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public AidObjective? Objective { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public AwardSort Sort { get; set; } = AwardSort.Date;
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; } = true;
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<AidAward> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<TransparencyRule> Rules => TransparencyRuleSet.Default.Rules;

    /// <summary>Refusals by rule code, for agency staff only; empty for everyone else.</summary>
    public IReadOnlyList<IGrouping<string, NotPublished>> Refused { get; private set; } = [];
    public int BelowThreshold { get; private set; }
    public bool ShowRefused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Bad query values (an unknown objective, a page of -3) are ignored by binding; the list still shows.
        ModelState.Clear();
        if (Region is not null) Region = BelgianRegions.NormaliseNuts(Region) is { IsSuccess: true } nuts ? nuts.Value : null;
        var set = await service.BuildAsync(ct);
        Years = OpenDataService.Years(set.Published);
        Result = OpenDataService.PageOf(set.Published, new AwardQuery(Search, Year, Objective, Region, Sort, Desc, PageNumber));
        ShowRefused = await permissions.HasAsync(Policies.AgencyStaff);
        if (ShowRefused)
        {
            Refused = set.Refused.GroupBy(r => r.Code).OrderByDescending(g => g.Count()).ToList();
            BelowThreshold = set.BelowThreshold;
        }
    }

    public PagerModel Pager => new(Result.Page, Result.PageSize, Result.TotalCount, "/OpenData", Filters());

    public IDictionary<string, string?> Filters(AwardSort? sort = null, bool? desc = null) => new Dictionary<string, string?>
    {
        ["search"] = Search,
        ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["objective"] = Objective?.ToString(),
        ["region"] = Region,
        ["sort"] = (sort ?? Sort).ToString(),
        ["desc"] = (desc ?? Desc) ? "true" : "false",
    };

    public string SortUrl(AwardSort column) =>
        QueryHelpers.AddQueryString("/OpenData", Filters(column, column == Sort ? !Desc : column is AwardSort.Date or AwardSort.Amount).Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public string AriaSort(AwardSort column) => column != Sort ? "none" : Desc ? "descending" : "ascending";

    /// <summary>A download with the filters of the page (the API reads the same parameter names).</summary>
    public string DownloadUrl(string file) =>
        QueryHelpers.AddQueryString($"/api/v1/open-data/{file}", Filters().Where(kv => kv.Key != "page" && !string.IsNullOrEmpty(kv.Value)));
}
