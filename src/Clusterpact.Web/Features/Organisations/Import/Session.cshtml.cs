using Clusterpact.Domain.Common;
using Clusterpact.Domain.Members;
using Clusterpact.Web.Data;
using Clusterpact.Web.Infrastructure.Auth;
using Clusterpact.Web.Infrastructure.Export;
using Clusterpact.Web.Infrastructure.Import;
using Clusterpact.Web.Infrastructure.Jobs;
using Clusterpact.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clusterpact.Web.Features.Organisations.Import;

/// <summary>
/// Step 2 and 3 of a member import: map the columns, read the row-by-row report, commit; then follow the
/// commit's progress. Only the person who uploaded the file (or an administrator) sees it.
/// </summary>
public sealed class SessionModel(ClusterpactDbContext db, MemberImportService imports, JobQueue jobs, JobProgressStore progress, CurrentUser user, ClusterAccess access,
    IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public const int ShownProblemRows = 200;

    public ImportPreview Preview { get; private set; } = null!;
    public string ClusterName { get; private set; } = "";
    public BackgroundJob? Job { get; private set; }

    [BindProperty] public Dictionary<int, MemberField?> Map { get; set; } = [];
    [BindProperty] public DateOnly? DefaultMemberSince { get; set; }
    [BindProperty] public int? FiguresYear { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var session = await FindAsync(id, ct);
        if (session is null) return NotFound();
        return await ShowAsync(session, ct);
    }

    public async Task<IActionResult> OnPostMappingAsync(Guid id, CancellationToken ct)
    {
        var session = await FindAsync(id, ct);
        if (session is null) return NotFound();
        if (session.Status != ImportSessionStatus.Uploaded) return Redirect($"/Organisations/Import/{id}");
        if (DefaultMemberSince is null) ModelState.AddModelError(nameof(DefaultMemberSince), text["Validation.Required", text["Import.DefaultSince"]]);
        if (FiguresYear is null or < 2000 or > 2100) ModelState.AddModelError(nameof(FiguresYear), text["Validation.Range", text["Import.FiguresYear"], 2000, 2100]);
        var mapping = Map.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.Value);
        if (!ModelState.IsValid)
        {
            return await ShowAsync(session, ct, mapping);
        }
        var tracked = await db.ImportSessions.SingleAsync(s => s.Id == id, ct);
        tracked.Mapping = MemberImportService.WriteMapping(mapping);
        tracked.DefaultMemberSince = DefaultMemberSince!.Value;
        tracked.FiguresYear = FiguresYear!.Value;
        await db.SaveChangesAsync(ct);
        return Redirect($"/Organisations/Import/{id}");
    }

    public async Task<IActionResult> OnPostCommitAsync(Guid id, CancellationToken ct)
    {
        var session = await FindAsync(id, ct);
        if (session is null) return NotFound();
        if (!await access.CanEditAsync(session.ClusterId, ct)) return Forbid();
        if (session.Status is not (ImportSessionStatus.Uploaded or ImportSessionStatus.Failed)) return Redirect($"/Organisations/Import/{id}");
        var preview = await imports.PreviewAsync(session, ct);
        if (preview.Report is null || preview.Report.Accepted + preview.Report.Updated == 0)
        {
            ModelState.AddModelError(string.Empty, text[preview.MappingError ?? "Import.NothingToCommit"]);
            return await ShowAsync(session, ct);
        }
        // Claim the session so a double click cannot start two commits.
        var claimed = await db.ImportSessions.Where(s => s.Id == id && (s.Status == ImportSessionStatus.Uploaded || s.Status == ImportSessionStatus.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ImportSessionStatus.Committing), ct);
        if (claimed == 0) return Redirect($"/Organisations/Import/{id}");
        var jobId = await jobs.EnqueueAsync(MemberImportJob.JobKind, System.Text.Json.JsonSerializer.Serialize(new { sessionId = id }), user.Id, ct);
        await db.ImportSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.JobId, jobId), ct);
        return Redirect($"/Organisations/Import/{id}");
    }

    /// <summary>The whole row-by-row report as a CSV, for the cluster manager to fix the file.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken ct)
    {
        var session = await FindAsync(id, ct);
        if (session is null) return NotFound();
        var preview = await imports.PreviewAsync(session, ct);
        if (preview.Report is null) return Redirect($"/Organisations/Import/{id}");
        ExportColumn<ImportRowResult<MemberImportRecord>>[] columns =
        [
            new(text["Import.Row"], r => r.RowNumber),
            new(text["Import.Status"], r => text["ImportRowStatus." + r.Status].Value),
            new(text["Members.Name"], r => r.Record?.Name),
            new(text["Import.Reasons"], r => string.Join(" | ", r.Problems.Select(Describe))),
        ];
        return await TableExport.ToFileAsync("csv", "", "importrapport", preview.Report.Rows, columns, clock, ct);
    }

    public string Describe(ImportProblem p) => Shared.ImportText.Describe(p, text);

    private async Task<IActionResult> ShowAsync(ImportSession session, CancellationToken ct, Dictionary<int, MemberField>? typedMapping = null)
    {
        ClusterName = await db.Clusters.Where(c => c.Id == session.ClusterId).Select(c => c.Name).SingleAsync(ct);
        if (session.JobId is { } jobId)
        {
            Job = await db.BackgroundJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
            if (Job is not null && progress.Get(jobId) is { } live) (Job.Progress, Job.ProgressText) = (live.Fraction, live.Text);
        }
        if (typedMapping is not null) session.Mapping = MemberImportService.WriteMapping(typedMapping);
        try
        {
            Preview = session.Status is ImportSessionStatus.Uploaded or ImportSessionStatus.Failed
                ? await imports.PreviewAsync(session, ct)
                : new ImportPreview(session, new TabularData([], 0, []), MemberImportService.ReadMapping(session.Mapping), null, null);
        }
        catch (Exception ex) when (ex is TabularFileException or FileNotFoundException or DirectoryNotFoundException)
        {
            ModelState.AddModelError(string.Empty, text["Import.FileGone"]);
            Preview = new ImportPreview(session, new TabularData([], 0, []), new Dictionary<int, MemberField>(), "Import.FileGone", null);
        }
        DefaultMemberSince ??= session.DefaultMemberSince;
        FiguresYear ??= session.FiguresYear;
        return Page();
    }

    private async Task<ImportSession?> FindAsync(Guid id, CancellationToken ct)
    {
        var isAdmin = user.IsInRole(Roles.Administrator);
        var session = await db.ImportSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.Kind == ImportKind.Members && (isAdmin || s.CreatedBy == user.Id), ct);
        // Losing the right to the cluster also ends the right to its imports.
        return session is not null && await access.CanSeeAsync(session.ClusterId, ct) ? session : null;
    }
}
