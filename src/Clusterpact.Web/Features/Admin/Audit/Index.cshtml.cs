using Clusterpact.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clusterpact.Web.Features.Admin.Audit;

public sealed class IndexModel(ListAuditEntries list) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<AuditRow> Result { get; private set; } = new([], 1, 50, 0);
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        EntityTypes = await list.EntityTypesAsync(ct);
        Result = await list.HandleAsync(new AuditQuery(EntityType, EntityId, UserName, Field, From, To, PageNumber), ct);
    }

    public PagerModel Pager => new(Result.Page, Result.PageSize, Result.TotalCount, "/Admin/Audit", Filters());

    public IDictionary<string, string?> Filters() => new Dictionary<string, string?>
    {
        ["entityType"] = EntityType, ["entityId"] = EntityId, ["user"] = UserName, ["field"] = Field,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
