using Clusterpact.Web.Data;
using Clusterpact.Web.Features.Shared;
using Clusterpact.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clusterpact.Web.Features.Admin.Outbox;

/// <summary>The e-mails the system queued and sent: reminders and warnings can be checked here, also in development.</summary>
public sealed class IndexModel(ClusterpactDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Unsent { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public Paged<OutboxEmail> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public PagerModel Pager => new(Result.Page, Result.PageSize, Result.TotalCount, "/Admin/Outbox",
        new Dictionary<string, string?> { ["search"] = Search, ["unsent"] = Unsent == true ? "true" : null });

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
        var page = Paging.ClampPage(PageNumber);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.CreatedAt).Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize).ToListAsync(ct);
        Result = new Paged<OutboxEmail>(items, page, Paging.DefaultPageSize, total);
    }
}
