using Clusterpact.Domain.Common;
using Clusterpact.Domain.Projects;
using Clusterpact.Web.Data;
using Clusterpact.Web.Features.Organisations.Import;
using Clusterpact.Web.Features.Shared;
using Clusterpact.Web.Infrastructure.Auth;
using Clusterpact.Web.Infrastructure.Export;
using Clusterpact.Web.Infrastructure.Import;
using Clusterpact.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clusterpact.Web.Features.Projects.Import;

/// <summary>Step 2 of a project import: the columns recognised, the row-by-row report, and the commit. Only the uploader (or an administrator) sees it.</summary>
public sealed class SessionModel(ClusterpactDbContext db, ProjectImportService imports, CurrentUser user, ClusterAccess access, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public ProjectImportPreview? Preview { get; private set; }
    public ImportSession Session { get; private set; } = null!;
    public string ClusterName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var session = await FindAsync(id, ct);
        if (session is null) return NotFound();
        return await ShowAsync(session, ct);
    }

    public async Task<IActionResult> OnPostCommitAsync(Guid id, CancellationToken ct)
    {
        var session = await FindAsync(id, ct);
        if (session is null) return NotFound();
        if (!await access.CanEditAsync(session.ClusterId, ct)) return Forbid();
        if (session.Status != ImportSessionStatus.Uploaded) return Redirect($"/Projects/Import/{id}");
        // Claim the session so a double click cannot commit twice.
        var claimed = await db.ImportSessions.Where(s => s.Id == id && s.Status == ImportSessionStatus.Uploaded)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ImportSessionStatus.Committing), ct);
        if (claimed == 0) return Redirect($"/Projects/Import/{id}");
        try
        {
            var report = await imports.CommitAsync(session, ct);
            if (report is null || report.Accepted + report.Updated == 0)
            {
                await ReleaseAsync(id);
                ModelState.AddModelError(string.Empty, text["Import.NothingToCommit"]);
                return await ShowAsync(session, ct);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or TabularFileException or IOException)
        {
            // The transaction rolled back: nothing was written, and the list can be committed again.
            await ReleaseAsync(id);
            ModelState.AddModelError(string.Empty, text["Import.FailedNothingWritten"]);
            return await ShowAsync(session, ct);
        }
        TempData["Flash"] = "Flash.Saved";
        return Redirect($"/Projects/Import/{id}");
    }

    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken ct)
    {
        var session = await FindAsync(id, ct);
        if (session is null) return NotFound();
        var preview = await imports.PreviewAsync(session, ct);
        if (preview.Report is null) return Redirect($"/Projects/Import/{id}");
        ExportColumn<ImportRowResult<ProjectImportRecord>>[] columns =
        [
            new(text["Import.Row"], r => r.RowNumber),
            new(text["Import.Status"], r => text["ImportRowStatus." + r.Status].Value),
            new(text["Projects.TitleField"], r => r.Record?.Details.Title),
            new(text["Import.Reasons"], r => string.Join(" | ", r.Problems.Select(Describe))),
        ];
        return await TableExport.ToFileAsync("csv", "", "importrapport-projecten", preview.Report.Rows, columns, clock, ct);
    }

    public string Describe(ImportProblem p) => ImportText.Describe(p, text);

    private Task ReleaseAsync(Guid id) =>
        db.ImportSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ImportSessionStatus.Uploaded), CancellationToken.None);

    private async Task<IActionResult> ShowAsync(ImportSession session, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Session = await db.ImportSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id, ct);
        ClusterName = await db.Clusters.Where(c => c.Id == session.ClusterId).Select(c => c.Name).SingleAsync(ct);
        if (Session.Status == ImportSessionStatus.Uploaded)
        {
            try { Preview = await imports.PreviewAsync(Session, ct); }
            catch (Exception ex) when (ex is TabularFileException or FileNotFoundException or DirectoryNotFoundException)
            {
                ModelState.AddModelError(string.Empty, text["Import.FileGone"]);
            }
        }
        return Page();
    }

    private async Task<ImportSession?> FindAsync(Guid id, CancellationToken ct)
    {
        var isAdmin = user.IsInRole(Roles.Administrator);
        var session = await db.ImportSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.Kind == ImportKind.Projects && (isAdmin || s.CreatedBy == user.Id), ct);
        return session is not null && await access.CanSeeAsync(session.ClusterId, ct) ? session : null;
    }
}
