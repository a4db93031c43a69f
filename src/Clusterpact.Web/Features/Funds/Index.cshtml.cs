using Clusterpact.Web.Features.Projects;

namespace Clusterpact.Web.Features.Funds;

/// <summary>The envelopes of a year: amount, committed, paid and left, with a usage bar; agency staff open new ones.</summary>
public sealed class IndexModel(FundService funds, ClusterpactDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty] public EnvelopeKind Kind { get; set; } = EnvelopeKind.ClusterEarmarked;
    [BindProperty] public Guid? ClusterId { get; set; }
    [BindProperty] public int? NewYear { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<EnvelopeRow> Rows { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> SpearheadClusters { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await funds.CanManageAsync()) return Forbid();
        var amount = ProjectForm.Amount(Amount, nameof(Amount), "Funds.Amount", ModelState, text, "Input");
        if (amount is null && string.IsNullOrWhiteSpace(Amount)) ModelState.AddModelError("Input.Amount", text["Validation.Required", text["Funds.Amount"]]);
        if (NewYear is null) ModelState.AddModelError("Input.Year", text["Validation.Required", text["Funds.Year"]]);
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var (outcome, _) = await funds.OpenAsync(new OpenEnvelopeCommand(Kind, ClusterId, NewYear!.Value, amount!.Value, Note), ct);
        var answer = CommandOutcomePage.Handle(this, outcome, $"/Funds?year={NewYear}", text, "Input");
        if (answer is PageResult) await LoadAsync(ct);
        return answer;
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        ExportColumn<EnvelopeRow>[] columns =
        [
            new(text["Funds.Year"], r => r.Year),
            new(text["Funds.Kind"], r => text["EnvelopeKind." + r.Kind].Value),
            new(text["Members.Cluster"], r => r.ClusterName),
            new(text["Funds.Amount"], r => r.Amount),
            new(text["Funds.Committed"], r => r.Committed),
            new(text["Funds.Paid"], r => r.Paid),
            new(text["Funds.Remaining"], r => r.Remaining),
        ];
        return await TableExport.ToFileAsync(format, text["Funds.Title"], "enveloppes", Rows, columns, clock, ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanManage = await funds.CanManageAsync();
        Years = await funds.YearsAsync(ct);
        Year ??= Years.Count > 0 ? (Years.Contains(clock.TodayInBrussels().Year) ? clock.TodayInBrussels().Year : Years[0]) : null;
        Rows = await funds.ListAsync(Year, null, ct);
        NewYear ??= clock.TodayInBrussels().Year;
        if (CanManage)
            SpearheadClusters = (await db.Clusters.AsNoTracking().Where(c => c.Type == ClusterType.SpearheadCluster).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                .Select(c => (c.Id, c.Name)).ToList();
    }
}
