using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Features.Clusters;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Features.Admin.Users;

public sealed record UserListQuery(string? Search, string? Role);

public sealed record UserListItem(Guid Id, string Email, string DisplayName, string? Affiliation, IReadOnlyList<string> Roles, IReadOnlyList<string> Clusters, bool IsActive, bool IsLockedOut);

/// <summary>Users with their roles and cluster scopes, for the administrator.</summary>
public sealed class ListUsers(ClusterpactDbContext db, TimeProvider clock) : IUseCase
{
    /// <summary>The API's orders: by name as the page lists them, or by e-mail address.</summary>
    public static readonly ApiSort<AppUser> Sort = new ApiSort<AppUser>().By("displayName", u => u.DisplayName).By("email", u => u.Email ?? "").DefaultTo("displayName");

    public async Task<Paged<UserListItem>> HandleAsync(UserListQuery q, PageRequest page, CancellationToken ct)
    {
        var users = Filter(q);
        var now = clock.GetUtcNow();
        var rows = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.Affiliation, u.IsActive, u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Clusters = db.UserClusterScopes.Where(s => s.UserId == u.Id).Join(db.Clusters, s => s.ClusterId, c => c.Id, (_, c) => c.Name).ToList(),
            })
            .ToPageAsync(page, ct);
        var items = rows.Items.Select(r => new UserListItem(r.Id, r.Email ?? "", r.DisplayName, r.Affiliation, r.Roles, r.Clusters, r.IsActive, r.LockoutEnd > now)).ToList();
        return new Paged<UserListItem>(items, rows.Page, rows.PageSize, rows.TotalCount);
    }

    /// <summary>One cursor window for the API, searched and filtered as the page is, with each user's roles and clusters.</summary>
    public Task<ApiList<UserListItem>> HandleAsync(UserListQuery q, ListWindow window, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return Filter(q).ToApiListAsync<AppUser, UserListItem>(Sort, window, db, async (rows, c) =>
        {
            var ids = rows.Select(u => u.Id).ToList();
            var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, Name = r.Name! }).ToListAsync(c);
            var clusters = await db.UserClusterScopes.Where(s => ids.Contains(s.UserId)).Join(db.Clusters, s => s.ClusterId, x => x.Id, (s, x) => new { s.UserId, x.Name }).ToListAsync(c);
            return rows.Select(u => new UserListItem(u.Id, u.Email ?? "", u.DisplayName, u.Affiliation, roles.Where(r => r.UserId == u.Id).Select(r => r.Name).ToList(),
                clusters.Where(x => x.UserId == u.Id).Select(x => x.Name).ToList(), u.IsActive, u.LockoutEnd > now)).ToList();
        }, ct);
    }

    private IQueryable<AppUser> Filter(UserListQuery q)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLower();
            users = users.Where(u => u.Email!.ToLower().Contains(term) || u.DisplayName.ToLower().Contains(term) || (u.Affiliation != null && u.Affiliation.ToLower().Contains(term)));
        }
        if (!string.IsNullOrWhiteSpace(q.Role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == q.Role)));
        }
        return users;
    }
}
