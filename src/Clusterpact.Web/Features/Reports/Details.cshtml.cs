namespace Clusterpact.Web.Features.Reports;

/// <summary>
/// An annual report: the cluster fills in the reported KPIs (checked at entry), the narrative and the state of the
/// pact's commitments, saves and submits; the agency returns it with a remark or accepts it.
/// </summary>
public sealed class DetailsModel(GetReport get, SaveReport save, SubmitReport submitReport, TakeReportStep takeStep, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public ReportView View { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Warning)> Warnings { get; private set; } = [];

    [BindProperty] public long Version { get; set; }
    [BindProperty] public Dictionary<string, string?> Value { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Comment { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Evidence { get; set; } = [];
    [BindProperty] public string? Narrative { get; set; }
    // Read from the form by hand: a dictionary keyed by Guid would fall back to binding every other field when none is posted.
    public Dictionary<Guid, CommitmentStatus> CommitmentStatus { get; } = [];
    public Dictionary<Guid, string?> CommitmentComment { get; } = [];
    /// <summary>The remarks typed with a return, shown again when the step is refused.</summary>
    public string? Remark { get; private set; }

    /// <summary>The steps of the report's lifecycle the person may take now, from its table.</summary>
    public LifecycleActions Actions { get; private set; } = LifecycleActions.None;

    public bool English => Infrastructure.Localization.Cultures.IsEnglish;
    public DateOnly Today => clock.TodayInBrussels();

    /// <summary>The label of a status: agency staff see the table's own, the cluster and readers the outside one.</summary>
    public string StateKey(ReportStatus status) =>
        View.Actors.Contains(Domain.Common.Actor.Agency) ? ReportLifecycle.Rules.StateKey(status) : ReportLifecycle.Rules.OutsideStateKey(status);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var values = new List<ValueInput>();
        foreach (var kpi in KpiCatalogue.Reported)
        {
            var typed = Value.GetValueOrDefault(kpi.Code);
            var number = BelgianFormats.ParseNumber(typed);
            if (number is null && !string.IsNullOrWhiteSpace(typed)) { ModelState.AddModelError($"Input.Value[{kpi.Code}]", text["Validation.Amount", kpi.Name(English)]); continue; }
            // Shares are typed as percentages.
            if (number is { } n && kpi.Unit == KpiUnit.Share) number = n / 100m;
            values.Add(new ValueInput(kpi.Code, number, Comment.GetValueOrDefault(kpi.Code), Evidence.GetValueOrDefault(kpi.Code)));
        }
        foreach (var (key, posted) in Request.Form)
        {
            if (key.StartsWith("CommitmentStatus[", StringComparison.Ordinal) && Guid.TryParse(key[17..^1], out var ck) && Enum.TryParse<CommitmentStatus>(posted, out var cs)) CommitmentStatus[ck] = cs;
            if (key.StartsWith("CommitmentComment[", StringComparison.Ordinal) && Guid.TryParse(key[18..^1], out var cc)) CommitmentComment[cc] = posted;
        }
        if (!ModelState.IsValid) return Page();
        var commitments = CommitmentStatus.Select(kv => new CommitmentInput(kv.Key, kv.Value, CommitmentComment.GetValueOrDefault(kv.Key))).ToList();
        var (outcome, warnings) = await save.HandleAsync(new SaveReportCommand(id, Version, values, Narrative, commitments), ct);
        if (outcome.Status == Shared.CommandStatus.Ok && submit)
            outcome = await submitReport.HandleAsync(id, outcome.NewVersion!.Value, ct);
        var answer = CommandOutcomePage.Handle(this, outcome, $"/Reports/{id}", text, "Input");
        if (answer is PageResult)
        {
            await LoadAsync(id, ct);
            Version = View.Report.Version;
            Warnings = warnings;
        }
        else if (warnings.Count > 0 && !submit) TempData["Flash"] = "Flash.SavedWithWarnings";
        return answer;
    }

    /// <summary>One handler for the lifecycle's steps (return with remarks, accept); submitting goes with saving the form.</summary>
    public async Task<IActionResult> OnPostStepAsync(Guid id, string step, string? reason, long version, CancellationToken ct)
    {
        if (step == ReportLifecycle.Return) Remark = reason;
        return await CommandOutcomePage.HandleAsync(this, await takeStep.HandleAsync(new ReportStepCommand(id, version, step, reason), ct), $"/Reports/{id}", text, "Input", () => LoadAsync(id, ct));
    }

    /// <summary>The form starts from what is stored; shares are shown as percentages.</summary>
    private void Fill()
    {
        var r = View.Report;
        Version = r.Version;
        Narrative = r.Narrative;
        foreach (var v in r.Values)
        {
            var kpi = KpiCatalogue.Find(v.KpiCode);
            Value[v.KpiCode] = v.Value is { } n ? (kpi?.Unit == KpiUnit.Share ? n * 100m : n).ToString("0.####", System.Globalization.CultureInfo.CurrentCulture) : null;
            Comment[v.KpiCode] = v.Comment;
            Evidence[v.KpiCode] = v.Evidence;
        }
        foreach (var c in View.Commitments)
        {
            var state = r.Commitments.FirstOrDefault(x => x.CommitmentKey == c.Key);
            CommitmentStatus[c.Key] = state?.Status ?? c.Status;
            CommitmentComment[c.Key] = state?.Comment;
        }
    }

    /// <summary>Display names by sign-in name, for the people who took the report's steps.</summary>
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var v = await get.HandleAsync(id, ct);
        if (v is null) return false;
        View = v;
        Actions = LifecycleActions.For(ReportLifecycle.Rules, v.Report.Status, v.Actors, v.Report.Version, ownForm: [ReportLifecycle.Submit, ReportLifecycle.Return]);
        People = v.People;
        return true;
    }
}
