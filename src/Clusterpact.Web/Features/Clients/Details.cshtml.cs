using Clusterpact.Domain.Integrations;

namespace Clusterpact.Web.Features.Clients;

/// <summary>
/// One machine client: its facts, its personal access tokens (create, shown once; revoke), its webhooks (add, secret
/// shown once; remove) with their delivery log, and revoking the client itself. Revoking and removing ask first (/Confirm).
/// </summary>
public sealed class DetailsModel(MachineClientService clients, GetClientDetails getDetails, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty, Display(Name = "Clients.LastDay")] public DateOnly? LastDay { get; set; }
    [BindProperty, Display(Name = "Clients.WebhookUrl")] public string? WebhookUrl { get; set; }
    [BindProperty] public List<WebhookEvent> Events { get; set; } = [];

    public ClientListItem Client { get; private set; } = new();
    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];
    public IReadOnlyList<WebhookRow> Webhooks { get; private set; } = [];
    public IReadOnlyList<DeliveryRow> Deliveries { get; private set; } = [];

    /// <summary>A token or webhook secret just created: shown in this one answer and never again.</summary>
    public ShownOnce? Created { get; private set; }
    public bool CreatedWebhook { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        LastDay = clock.TodayInBrussels().AddMonths(6);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostTokenAsync(CancellationToken ct)
    {
        if (LastDay is null) ModelState.AddModelError(nameof(LastDay), text["Validation.Required", text["Clients.LastDay"]]);
        else await Show(await clients.CreateTokenAsync(Id, LastDay.Value, ct), nameof(LastDay), webhook: false);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostWebhookAsync(CancellationToken ct)
    {
        await Show(await clients.AddWebhookAsync(Id, WebhookUrl, Events, ct), nameof(WebhookUrl), webhook: true);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) =>
        await clients.RevokeAsync(Id, ct) ? RedirectToPage("/Clients/Details", new { Id }) : NotFound();

    public async Task<IActionResult> OnPostRevokeTokenAsync(Guid tokenId, CancellationToken ct) =>
        await clients.RevokeTokenAsync(Id, tokenId, ct) ? RedirectToPage("/Clients/Details", new { Id }) : NotFound();

    public async Task<IActionResult> OnPostRemoveWebhookAsync(Guid webhookId, CancellationToken ct) =>
        await clients.RemoveWebhookAsync(Id, webhookId, ct) ? RedirectToPage("/Clients/Details", new { Id }) : NotFound();

    private Task Show(Result<ShownOnce> outcome, string field, bool webhook)
    {
        if (outcome.IsSuccess)
        {
            (Created, CreatedWebhook) = (outcome.Value, webhook);
            Response.Headers.CacheControl = "no-store";
        }
        else ModelState.AddModelError(string.IsNullOrEmpty(outcome.Error!.Field) ? "" : field, text[outcome.Error.Code]);
        return Task.CompletedTask;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await getDetails.HandleAsync(Id, ct) is not { } details) return false;
        (Client, Tokens, Webhooks, Deliveries) = (details.Client, details.Tokens, details.Webhooks, details.Deliveries);
        return true;
    }
}
