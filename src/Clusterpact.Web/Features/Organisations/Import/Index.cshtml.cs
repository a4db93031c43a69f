using Clusterpact.Domain.Common;
using System.ComponentModel.DataAnnotations;
using Clusterpact.Domain.Members;
using Clusterpact.Web.Data;
using Clusterpact.Web.Infrastructure.Auth;
using Clusterpact.Web.Infrastructure.Import;
using Clusterpact.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clusterpact.Web.Features.Organisations.Import;

/// <summary>Step 1 of a member import: choose the cluster and upload the list (.xlsx or .csv).</summary>
[RequestSizeLimit(TabularFile.MaxBytes + 1024 * 1024)]
public sealed class IndexModel(ClusterpactDbContext db, ClusterAccess access, CurrentUser user, UploadStore uploads,
    TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Members.Cluster")]
        public Guid? ClusterId { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Import.File")]
        public IFormFile? File { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Import.DefaultSince")]
        public DateOnly? DefaultMemberSince { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Range(2000, 2100, ErrorMessage = "Validation.Range"), Display(Name = "Import.FiguresYear")]
        public int? FiguresYear { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<(Guid Id, string Name)> ClusterOptions { get; private set; } = [];
    public IReadOnlyList<ImportSession> Recent { get; private set; } = [];

    public async Task OnGetAsync(Guid? cluster, CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = clock.TodayInBrussels();
        Input = new InputModel { ClusterId = cluster ?? (ClusterOptions.Count == 1 ? ClusterOptions[0].Id : null), DefaultMemberSince = new DateOnly(today.Year, 1, 1), FiguresYear = today.Year - 1 };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        if (!await access.CanEditAsync(Input.ClusterId!.Value, ct) || !await access.CanSeeAsync(Input.ClusterId.Value, ct))
        {
            ModelState.AddModelError("Input.ClusterId", text["Import.NotYourCluster"]);
            return Page();
        }
        var file = Input.File!;
        var (format, error) = UploadStore.Check(file);
        if (error is not null) { ModelState.AddModelError("Input.File", text[error]); return Page(); }
        var session = new ImportSession
        {
            CreatedBy = user.Id!.Value, CreatedAt = clock.GetUtcNow(), ClusterId = Input.ClusterId.Value, Kind = ImportKind.Members,
            FileName = Path.GetFileName(file.FileName), Format = format!.Value, DefaultMemberSince = Input.DefaultMemberSince!.Value,
            FiguresYear = Input.FiguresYear!.Value, Status = ImportSessionStatus.Uploaded,
        };
        session.StoredPath = await uploads.SaveAsync(file, session.Id, format.Value, ct);

        TabularData data;
        try
        {
            data = MemberImportService.ReadFile(session);
        }
        catch (TabularFileException ex)
        {
            System.IO.File.Delete(session.StoredPath);
            ModelState.AddModelError("Input.File", text[ex.MessageKey]);
            return Page();
        }
        session.Mapping = MemberImportService.WriteMapping(MemberImportColumns.AutoMap(data.Header));
        db.ImportSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Organisations/Import/{session.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var clusters = await access.VisibleClusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var editable = new List<(Guid, string)>();
        foreach (var c in clusters) if (await access.CanEditAsync(c.Id, ct)) editable.Add((c.Id, c.Name));
        ClusterOptions = editable;
        Recent = await db.ImportSessions.AsNoTracking().Where(s => s.CreatedBy == user.Id && s.Kind == ImportKind.Members).OrderByDescending(s => s.CreatedAt).Take(10).ToListAsync(ct);
    }
}
