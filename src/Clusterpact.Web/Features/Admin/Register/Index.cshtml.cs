using System.Text.Json;
using Clusterpact.Web.Infrastructure.EnterpriseRegister;
using Clusterpact.Web.Infrastructure.Files;

namespace Clusterpact.Web.Features.Admin.Register;

/// <summary>
/// The official enterprise register (KBO/BCE open data): an administrator loads an extract, uploaded as its zip or picked
/// from the server's register folder, as a background job, and reads each load's summary.
/// </summary>
[RequestSizeLimit(RegisterSettings.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RegisterSettings.MaxUploadBytes)]
public sealed class IndexModel(GetRegisterLoads getLoads, JobQueue queue, CurrentUser user, IConfiguration config, IHostEnvironment env,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<RegisterLoadRow> Loads { get; private set; } = [];
    public IReadOnlyList<BackgroundJob> Jobs { get; private set; } = [];
    public IReadOnlyList<string> ServerFiles { get; private set; } = [];
    public string Folder => RegisterSettings.Folder(config, env);

    [BindProperty] public string? ServerFile { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0) ModelState.AddModelError("upload", text["Register.NoFile"]);
        else if (!upload.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) ModelState.AddModelError("upload", text["Register.NotAZip"]);
        else
        {
            await using var head = upload.OpenReadStream();
            if (!FileSignature.Matches(upload.FileName, head)) ModelState.AddModelError("upload", text[FileSignature.MismatchKey]);
        }
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var folder = RegisterSettings.UploadFolder(config, env);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"kbo-{Guid.CreateVersion7():N}.zip");
        await using (var target = System.IO.File.Create(path)) await upload!.CopyToAsync(target, ct);
        await StartAsync(new RegisterLoadInput(path, Path.GetFileName(upload.FileName), true), ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostServerAsync(CancellationToken ct)
    {
        // Only a name the page listed: a path from the form never reaches the disk.
        var name = ListServerFiles().FirstOrDefault(f => f == ServerFile);
        if (name is null) { ModelState.AddModelError(nameof(ServerFile), text["Register.NoFile"]); await LoadAsync(ct); return Page(); }
        await StartAsync(new RegisterLoadInput(Path.Combine(Folder, name), name, false), ct);
        return RedirectToPage();
    }

    private async Task StartAsync(RegisterLoadInput input, CancellationToken ct)
    {
        await queue.EnqueueAsync(RegisterLoadJob.JobKind, JsonSerializer.Serialize(input), user.Id, ct);
        TempData["Flash"] = "Register.Started";
    }

    /// <summary>Zips and unpacked extract folders (with a meta.csv) in the register folder, newest name last.</summary>
    private IReadOnlyList<string> ListServerFiles()
    {
        if (!Directory.Exists(Folder)) return [];
        var zips = Directory.EnumerateFiles(Folder, "*.zip").Select(Path.GetFileName);
        var folders = Directory.EnumerateDirectories(Folder).Where(d => System.IO.File.Exists(Path.Combine(d, "meta.csv"))).Select(Path.GetFileName);
        return zips.Concat(folders).OfType<string>().Order(StringComparer.Ordinal).ToList();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ServerFiles = ListServerFiles();
        var loads = await getLoads.HandleAsync(ct);
        (Loads, Jobs) = (loads.Loads, loads.Jobs);
    }
}
