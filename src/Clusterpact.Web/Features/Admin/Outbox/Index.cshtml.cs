namespace Clusterpact.Web.Features.Admin.Outbox;

/// <summary>The e-mails the system queued and sent: reminders and warnings can be checked here, also in development.</summary>
public sealed class IndexModel(ListOutboxEmails list) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Unsent { get; set; }
    public Paged<OutboxEmail> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    protected override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("search", Search), new("unsent", Unsent == true ? "true" : null)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Result = await list.HandleAsync(new OutboxQuery(Search, Unsent == true), PageRequest, ct);
    }
}
