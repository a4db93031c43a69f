namespace Clusterpact.Web.Features.Shared.Import;

/// <summary>
/// Steps 2 and 3 of any import: map the columns, read the row-by-row report, commit in the background; then follow the
/// commit's progress and read its result. Only the person who uploaded the file (or an administrator) sees it.
/// </summary>
public abstract class ImportSessionPage(ImportWorkflow imports, ImportKind kind, GetJobState jobState,
    IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    /// <summary>Rows listed on the page, rejected ones first; the downloadable report has them all.</summary>
    public const int ShownRows = 200;

    public IImportKindDefinition Kind { get; } = imports.Kind(kind);
    public ImportSession Session { get; private set; } = null!;
    public ImportPreview? Preview { get; private set; }
    public string ClusterName { get; private set; } = "";
    public JobState? Job { get; private set; }
    public bool Running => Session.Status == ImportSessionStatus.Committing;

    [BindProperty] public Dictionary<int, string?> Map { get; set; } = [];
    [BindProperty] public DateOnly? DefaultMemberSince { get; set; }
    [BindProperty] public int? FiguresYear { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var session = await imports.FindAsync(kind, id, ct);
        return session is null ? NotFound() : await ShowAsync(session, ct);
    }

    public async Task<IActionResult> OnPostMappingAsync(Guid id, CancellationToken ct)
    {
        var session = await imports.FindAsync(kind, id, ct);
        if (session is null) return NotFound();
        var mapping = Map.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!);
        ImportSettingsForm.Check(Kind, DefaultMemberSince, FiguresYear, "", ModelState, text);
        if (!ModelState.IsValid)
        {
            // The page shows what was typed, judged as typed, until it is valid.
            session.Mapping = Kind.WriteMapping(mapping);
            return await ShowAsync(session, ct);
        }
        await imports.SaveMappingAsync(session, mapping, DefaultMemberSince ?? session.DefaultMemberSince, FiguresYear ?? session.FiguresYear, ct);
        return Redirect($"{Kind.Text.Path}/{id}");
    }

    public async Task<IActionResult> OnPostCommitAsync(Guid id, CancellationToken ct)
    {
        var session = await imports.FindAsync(kind, id, ct);
        if (session is null) return NotFound();
        if (await imports.StartCommitAsync(session, ct) is { } error)
        {
            ModelState.AddModelError(string.Empty, text[error]);
            return await ShowAsync(session, ct);
        }
        return Redirect($"{Kind.Text.Path}/{id}");
    }

    /// <summary>The whole row-by-row report as a CSV, for the cluster manager to fix the file.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken ct)
    {
        var session = await imports.FindAsync(kind, id, ct);
        if (session is null) return NotFound();
        var preview = await Kind.PreviewAsync(session, ct);
        if (preview.Report is null) return Redirect($"{Kind.Text.Path}/{id}");
        ExportColumn<ImportRowResult<string>>[] columns =
        [
            new(text["Import.Row"], r => r.RowNumber),
            new(text["Import.Status"], r => text["ImportRowStatus." + r.Status].Value),
            new(text[Kind.Text.LabelKey], r => r.Record),
            new(text["Import.Reasons"], r => string.Join(" | ", r.Problems.Select(Describe))),
        ];
        return await TableExport.ToFileAsync("csv", "", Kind.Text.ReportFileName, preview.Report.Rows, columns, clock, ct);
    }

    public string Describe(ImportProblem p) => ImportText.Describe(p, text);

    /// <summary>The rows the page lists: rejected first (they are what the person fixes), then the others, in file order.</summary>
    public IEnumerable<ImportRowResult<string>> ShownRowsOf(ImportReport<string> report) =>
        report.Rows.Where(r => r.Status != ImportRowStatus.Skipped).OrderBy(r => r.Status != ImportRowStatus.Rejected).ThenBy(r => r.RowNumber).Take(ShownRows);

    private async Task<IActionResult> ShowAsync(ImportSession session, CancellationToken ct)
    {
        Session = session;
        ClusterName = await imports.ClusterNameAsync(session.ClusterId, ct);
        if (session.JobId is { } jobId) Job = await jobState.HandleAsync(jobId, ct);
        if (session.Status is ImportSessionStatus.Uploaded or ImportSessionStatus.Failed)
        {
            try
            {
                Preview = await Kind.PreviewAsync(session, ct);
            }
            catch (Exception ex) when (ex is TabularFileException or IOException)
            {
                ModelState.AddModelError(string.Empty, text["Import.FileGone"]);
            }
        }
        DefaultMemberSince ??= session.DefaultMemberSince;
        FiguresYear ??= session.FiguresYear;
        return Page();
    }
}
