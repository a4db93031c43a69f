namespace Clusterpact.Web.Features.Admin.Outbox;

/// <param name="Search">Part of the addressee, the subject or the kind of mail, any case.</param>
/// <param name="Unsent">Only the mails not sent yet (waiting or failing).</param>
public sealed record OutboxQuery(string? Search, bool Unsent);

/// <summary>The e-mails the system queued and sent, newest first, a page at a time (the administrator's outbox).</summary>
public sealed class ListOutboxEmails(ClusterpactDbContext db) : IUseCase
{
    public async Task<Paged<OutboxEmail>> HandleAsync(OutboxQuery query, PageRequest page, CancellationToken ct)
    {
        var q = db.OutboxEmails.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            q = q.Where(e => e.To.ToLower().Contains(term) || e.Subject.ToLower().Contains(term) || e.Category.ToLower().Contains(term));
        }
        if (query.Unsent) q = q.Where(e => e.SentAt == null);
        return await q.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToPageAsync(page, ct);
    }
}
