using Clusterpact.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clusterpact.Web.Features.Admin.Users;

public sealed class IndexModel(ListUsers list) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public Paged<UserListItem> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public PagerModel Pager => new(Result.Page, Result.PageSize, Result.TotalCount, "/Admin/Users", new Dictionary<string, string?> { ["search"] = Search, ["role"] = Role });

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Result = await list.HandleAsync(new UserListQuery(Search, Role, PageNumber), ct);
    }
}
