using Clusterpact.Domain.Clusters;
using Clusterpact.Web.Infrastructure.Export;
using Clusterpact.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Clusterpact.Web.Features.Agreements;

public sealed class IndexModel(AgreementOverview overview, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public ClusterType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public bool Flagged { get; set; }
    [BindProperty(SupportsGet = true)] public OverviewSort Sort { get; set; } = OverviewSort.Name;
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }

    public IReadOnlyList<OverviewRow> Rows { get; private set; } = [];
    public IReadOnlyList<Deadline> Deadlines { get; private set; } = [];
    public int Year => overview.Today.Year;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        (Rows, Deadlines) = await overview.BuildAsync(Type, Flagged, Sort, Desc, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        ModelState.Clear();
        var (rows, _) = await overview.BuildAsync(Type, Flagged, Sort, Desc, ct);
        ExportColumn<OverviewRow>[] columns =
        [
            new(text["Clusters.Name"], r => r.Name),
            new(text["Clusters.Type"], r => text["ClusterType." + r.Type].Value),
            new(text["Clusters.Status"], r => text["ClusterStatus." + r.Status].Value),
            new(text["Overview.AgreementEnd"], r => r.AgreementEnd),
            new(text["Overview.LastAllowedDay"], r => r.LastAllowedDay),
            new(text["Overview.GrantedThisYear", Year], r => r.GrantedThisYear),
            new(text["Overview.PaidThisYear", Year], r => r.PaidThisYear),
            new(text["Overview.Deposit"], r => r.WorstDeposit is null ? null : text["DepositStatus." + r.WorstDeposit].Value),
        ];
        return await TableExport.ToFileAsync(format, text["Overview.Title"], "overzicht-steun", rows, columns, clock, ct);
    }

    private Dictionary<string, string?> Filters(OverviewSort? sort = null, bool? desc = null) => new()
    {
        ["type"] = Type?.ToString(), ["flagged"] = Flagged ? "true" : null, ["sort"] = (sort ?? Sort).ToString(), ["desc"] = (desc ?? Desc) ? "true" : null,
    };

    public string SortUrl(OverviewSort column) => QueryHelpers.AddQueryString("/Agreements", Filters(column, column == Sort && !Desc).Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public string ExportUrl(string format) =>
        QueryHelpers.AddQueryString("/Agreements", Filters().Append(new("handler", "Export")).Append(new("format", format)).Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public string AriaSort(OverviewSort column) => column != Sort ? "none" : Desc ? "descending" : "ascending";
}
