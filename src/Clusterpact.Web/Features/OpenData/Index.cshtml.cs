namespace Clusterpact.Web.Features.OpenData;

/// <summary>
/// The public list of aid awarded above the transparency threshold (GBER art. 9), searchable and filterable, with the
/// downloads. Agency staff also see what was not published and why, so they can complete the register.
/// </summary>
public sealed class IndexModel(GetOpenDataPage openData, Permissions permissions) : ListPageModel<AwardSort>(AwardSort.Date, defaultDescending: true)
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public AidObjective? Objective { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public Paged<AidAward> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<TransparencyRule> Rules => TransparencyRuleSet.Default.Rules;

    /// <summary>Refusals by rule code, for agency staff only; empty for everyone else.</summary>
    public IReadOnlyList<RuleRefusals> Refused { get; private set; } = [];
    public int BelowThreshold { get; private set; }
    public bool ShowRefused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Bad query values (an unknown objective, a page of -3) are ignored by binding; the list still shows.
        ModelState.Clear();
        if (Region is not null) Region = BelgianRegions.NormaliseNuts(Region) is { IsSuccess: true } nuts ? nuts.Value : null;
        ShowRefused = await permissions.HasAsync(Policies.AgencyStaff);
        var page = await openData.HandleAsync(new AwardQuery(Search, Year, Objective, Region, Sort, Desc), PageRequest, ShowRefused, ct);
        (Result, Years, Refused, BelowThreshold) = (page.Result, page.Years, page.Refused, page.BelowThreshold);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("search", Search), new("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("objective", Objective?.ToString()), new("region", Region)];

    /// <summary>Amounts and dates show the largest and newest first.</summary>
    protected override bool StartsDescending(AwardSort column) => column is AwardSort.Date or AwardSort.Amount;

    /// <summary>A download with the filters of the page (the API reads the same parameter names).</summary>
    public string DownloadUrl(string file) => Links.To($"/api/v1/open-data/{file}");
}
