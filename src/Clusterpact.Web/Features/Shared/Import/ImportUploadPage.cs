namespace Clusterpact.Web.Features.Shared.Import;

/// <summary>Step 1 of any import: choose the cluster, upload the list (.xlsx or .csv) and the kind's settings.</summary>
[RequestSizeLimit(TabularFile.MaxBytes + 1024 * 1024)]
public abstract class ImportUploadPage(ImportWorkflow imports, ImportKind kind, Clusters.ChooseCluster chooseCluster, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        /// <summary>The cluster as typed (its name, or a part only it has) or its id (a link from the cluster's page).</summary>
        [StringLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Members.Cluster")]
        public string? ClusterId { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Import.File")]
        public IFormFile? File { get; set; }

        [Display(Name = "Import.DefaultSince")]
        public DateOnly? DefaultMemberSince { get; set; }

        [Display(Name = "Import.FiguresYear")]
        public int? FiguresYear { get; set; }
    }

    public IImportKindDefinition Kind { get; } = imports.Kind(kind);
    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>The cluster field: what it chose among the clusters the caller may import for, or the text that chose none.</summary>
    public Clusters.ClusterChoice Cluster { get; private set; } = Clusters.ClusterChoice.None;
    public Clusters.ClusterChoiceField ClusterField => Clusters.ClusterChoiceField.Form("Input.ClusterId", Cluster, "Import.ChooseCluster", "Import.ClusterHelp");
    public IReadOnlyList<ImportSession> Recent { get; private set; } = [];

    public async Task OnGetAsync(Guid? cluster, CancellationToken ct)
    {
        Recent = await imports.RecentAsync(kind, ct);
        var today = clock.TodayInBrussels();
        // A caller with one cluster to import for has it chosen already.
        var only = cluster is null ? await imports.Clusters().Select(c => (Guid?)c.Id).Take(2).ToListAsync(ct) : [];
        Input = new InputModel
        {
            ClusterId = (cluster ?? (only.Count == 1 ? only[0] : null))?.ToString(),
            DefaultMemberSince = new DateOnly(today.Year, 1, 1), FiguresYear = today.Year - 1,
        };
        Cluster = await chooseCluster.HandleAsync(Input.ClusterId, imports.Clusters(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Recent = await imports.RecentAsync(kind, ct);
        var today = clock.TodayInBrussels();
        Cluster = await chooseCluster.HandleAsync(Input.ClusterId, imports.Clusters(), ct);
        Cluster.Check(ModelState, "Input.ClusterId", required: true, text);
        var since = ImportSettingsForm.Check(Kind, Input.DefaultMemberSince, Input.FiguresYear, "Input.", ModelState, text);
        if (!ModelState.IsValid) return Page();
        var outcome = await imports.UploadAsync(kind, Cluster.Chosen!.Id, Input.File!, since ?? today, Input.FiguresYear ?? today.Year, ct);
        if (outcome.SessionId is { } id) return Redirect($"{Kind.Text.Path}/{id}");
        ModelState.AddModelError(outcome.Field!, text[outcome.ErrorKey!]);
        return Page();
    }
}

/// <summary>The settings a kind asks for (start of membership, year of the figures), checked the same way on upload and on remapping.</summary>
public static class ImportSettingsForm
{
    /// <summary>Adds an error for each setting the kind needs that is missing or out of range; returns the start date when given.</summary>
    public static DateOnly? Check(IImportKindDefinition kind, DateOnly? since, int? year, string prefix, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer text)
    {
        if (kind.Settings.Contains(ImportSetting.DefaultMemberSince) && since is null)
            state.AddModelError(prefix + nameof(ImportUploadPage.InputModel.DefaultMemberSince), text["Validation.Required", text["Import.DefaultSince"]]);
        else if (kind.Settings.Contains(ImportSetting.DefaultMemberSince) && DomainRange.Date(since, "since") is { } badDate)
            state.AddModelError(prefix + nameof(ImportUploadPage.InputModel.DefaultMemberSince), text[badDate.Code]);
        if (kind.Settings.Contains(ImportSetting.FiguresYear) && (year is null || DomainRange.Year(year, "year") is not null))
            state.AddModelError(prefix + nameof(ImportUploadPage.InputModel.FiguresYear),
                text["Validation.Range", text["Import.FiguresYear"], DomainRange.FirstYear, DomainRange.LastYear]);
        return since;
    }
}
