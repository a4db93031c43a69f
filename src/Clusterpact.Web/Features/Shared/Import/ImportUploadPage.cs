namespace Clusterpact.Web.Features.Shared.Import;

/// <summary>Step 1 of any import: choose the cluster, upload the list (.xlsx or .csv) and the kind's settings.</summary>
[RequestSizeLimit(TabularFile.MaxBytes + 1024 * 1024)]
public abstract class ImportUploadPage(ImportWorkflow imports, ImportKind kind, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Members.Cluster")]
        public Guid? ClusterId { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Import.File")]
        public IFormFile? File { get; set; }

        [Display(Name = "Import.DefaultSince")]
        public DateOnly? DefaultMemberSince { get; set; }

        [Display(Name = "Import.FiguresYear")]
        public int? FiguresYear { get; set; }
    }

    public IImportKindDefinition Kind { get; } = imports.Kind(kind);
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<(Guid Id, string Name)> ClusterOptions { get; private set; } = [];
    public IReadOnlyList<ImportSession> Recent { get; private set; } = [];

    public async Task OnGetAsync(Guid? cluster, CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = clock.TodayInBrussels();
        Input = new InputModel
        {
            ClusterId = cluster ?? (ClusterOptions.Count == 1 ? ClusterOptions[0].Id : null),
            DefaultMemberSince = new DateOnly(today.Year, 1, 1), FiguresYear = today.Year - 1,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = clock.TodayInBrussels();
        var since = ImportSettingsForm.Check(Kind, Input.DefaultMemberSince, Input.FiguresYear, "Input.", ModelState, text);
        if (!ModelState.IsValid) return Page();
        var outcome = await imports.UploadAsync(kind, Input.ClusterId!.Value, Input.File!, since ?? today, Input.FiguresYear ?? today.Year, ct);
        if (outcome.SessionId is { } id) return Redirect($"{Kind.Text.Path}/{id}");
        ModelState.AddModelError(outcome.Field!, text[outcome.ErrorKey!]);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ClusterOptions = (await imports.Clusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        Recent = await imports.RecentAsync(kind, ct);
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
