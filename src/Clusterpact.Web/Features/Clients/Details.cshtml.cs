using Clusterpact.Domain.Integrations;

namespace Clusterpact.Web.Features.Clients;

/// <summary>
/// One machine client: its facts, its personal access tokens (create, shown once; revoke), its webhooks (add, secret
/// shown once; remove) with their delivery log, and revoking the client itself. Revoking and removing ask first (/Confirm).
/// </summary>
public sealed class DetailsModel(MachineClientService clients, ClusterpactDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int LogSize = 50;

    public sealed record TokenRow(Guid Id, string Hint, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, CredentialState State);
    public sealed record WebhookRow(Guid Id, string Url, string Events, DateTimeOffset CreatedAt);
    public sealed record DeliveryRow(Guid Id, string Url, string Event, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt, DateTimeOffset NextAttemptAt);

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
        var client = await clients.List().SingleOrDefaultAsync(c => c.Id == Id, ct);
        if (client is null) return false;
        Client = client;
        var now = clock.GetUtcNow();
        Tokens = (await db.ClientTokens.AsNoTracking().Where(t => t.MachineClientId == Id && t.Kind == ClientTokenKind.PersonalAccess)
                .OrderByDescending(t => t.CreatedAt).Select(t => new { t.Id, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt }).ToListAsync(ct))
            .Select(t => new TokenRow(t.Id, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, ApiCredential.StateAt(now, t.ExpiresAt, t.RevokedAt ?? client.RevokedAt))).ToList();
        Webhooks = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.MachineClientId == Id && s.RemovedAt == null).OrderBy(s => s.CreatedAt)
            .Select(s => new WebhookRow(s.Id, s.Url, s.Events, s.CreatedAt)).ToListAsync(ct);
        Deliveries = await db.WebhookDeliveries.AsNoTracking()
            .Join(db.WebhookSubscriptions.AsNoTracking().Where(s => s.MachineClientId == Id), d => d.SubscriptionId, s => s.Id, (d, s) => new { d, s.Url })
            .OrderByDescending(x => x.d.CreatedAt).Take(LogSize)
            .Select(x => new DeliveryRow(x.d.Id, x.Url, x.d.Event, x.d.CreatedAt, x.d.Attempts, x.d.LastAttemptAt, x.d.LastStatusCode, x.d.LastError, x.d.DeliveredAt, x.d.NextAttemptAt))
            .ToListAsync(ct);
        return true;
    }
}
