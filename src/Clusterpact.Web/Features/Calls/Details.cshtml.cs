using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Calls;

/// <summary>One call for the agency: its terms, its state with the next step, and the applications submitted to it.</summary>
public sealed class DetailsModel(GetCallDetails getCall, PublishCall publish, CloseCall close, MarkCallDecided markDecided, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public Call Call { get; private set; } = null!;
    public IReadOnlyList<ApplicationRow> Applications { get; private set; } = [];
    public bool English => Cultures.IsEnglish;
    public DateTimeOffset Now => clock.GetUtcNow();

    [BindProperty] public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => RunAsync(id, publish.HandleAsync(id, Version, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => RunAsync(id, close.HandleAsync(id, Version, ct), ct);

    public Task<IActionResult> OnPostDecidedAsync(Guid id, CancellationToken ct) => RunAsync(id, markDecided.HandleAsync(id, Version, ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, Task<CommandOutcome> command, CancellationToken ct) =>
        await CommandOutcomePage.HandleAsync(this, await command, $"/Calls/Details/{id}", text, "Call", () => LoadAsync(id, ct));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await getCall.HandleAsync(id, ct) is not { } details) return false;
        (Call, Applications) = (details.Call, details.Applications);
        return true;
    }
}
