namespace Clusterpact.Web.Features.Admin.Outbox;

/// <summary>The e-mails the system queued and sent: reminders and warnings can be checked here, also in development.</summary>
public sealed class IndexModel(ClusterpactDbContext db) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Unsent { get; set; }
    public Paged<OutboxEmail> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    protected override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("search", Search), new("unsent", Unsent == true ? "true" : null)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var q = db.OutboxEmails.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToLower();
            q = q.Where(e => e.To.ToLower().Contains(term) || e.Subject.ToLower().Contains(term) || e.Category.ToLower().Contains(term));
        }
        if (Unsent == true) q = q.Where(e => e.SentAt == null);
        Result = await q.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToPageAsync(PageRequest, ct);
    }
}
