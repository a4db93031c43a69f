using Clusterpact.Web.Features.Projects;

namespace Clusterpact.Web.Features.Funds;

/// <summary>The envelopes of a year: amount, committed, paid and left, with a usage bar; agency staff open new ones.</summary>
public sealed class IndexModel(GetEnvelopeYear envelopeYear, OpenEnvelope openEnvelope, Clusters.ChooseCluster chooseCluster, IStringLocalizer<SharedResource> text,
    TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty] public EnvelopeKind Kind { get; set; } = EnvelopeKind.ClusterEarmarked;
    /// <summary>The spearhead cluster as typed (its name, or a part only it has) or its id; posted as Input.ClusterId, the key of its errors.</summary>
    [BindProperty(Name = "Input.ClusterId")] public string? ClusterId { get; set; }
    [BindProperty] public int? NewYear { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<EnvelopeRow> Rows { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    /// <summary>What the cluster field chose among the spearhead clusters, or the text that chose none.</summary>
    public Clusters.ClusterChoice Cluster { get; private set; } = Clusters.ClusterChoice.None;
    public Clusters.ClusterChoiceField ClusterField => Clusters.ClusterChoiceField.Form("Input.ClusterId", Cluster, null, "Funds.ClusterHelp");
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Show(await envelopeYear.HandleAsync(Year, ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var shown = await envelopeYear.HandleAsync(Year, ct);
        if (!shown.CanManage) return Forbid();
        var amount = ProjectForm.Amount(Amount, nameof(Amount), "Funds.Amount", ModelState, text, "Input");
        if (amount is null && string.IsNullOrWhiteSpace(Amount)) ModelState.AddModelError("Input.Amount", text["Validation.Required", text["Funds.Amount"]]);
        if (NewYear is null) ModelState.AddModelError("Input.Year", text["Validation.Required", text["Funds.Year"]]);
        // Issue 18: a text field, not a list of every spearhead cluster; the form comes back with the text as typed.
        Cluster = await chooseCluster.HandleAsync(ClusterId, openEnvelope.ClustersToChoose(), ct);
        Cluster.Check(ModelState, "Input.ClusterId", required: false, text);
        if (!ModelState.IsValid) { Show(shown); return Page(); }
        var outcome = await openEnvelope.HandleAsync(new OpenEnvelopeCommand(Kind, Cluster.Chosen?.Id, NewYear!.Value, amount!.Value, Note), ct);
        var answer = CommandOutcomePage.Handle(this, outcome, $"/Funds?year={NewYear}", text, "Input");
        if (answer is PageResult) Show(await envelopeYear.HandleAsync(Year, ct));
        return answer;
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        ModelState.Clear();
        Show(await envelopeYear.HandleAsync(Year, ct));
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

    private void Show(EnvelopeYear shown)
    {
        (Years, Year, Rows, CanManage) = shown;
        NewYear ??= clock.TodayInBrussels().Year;
    }
}
