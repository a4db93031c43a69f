using Clusterpact.Web.Infrastructure.Security;
namespace Clusterpact.Web.Features.Admin.Users;

public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder api) =>
        api.MapGroup("/users").WithTags("Administration").RequireAuthorization(Policies.Administration)
            .MapGet("/", async (string? search, string? role, int? page, int? pageSize, ListUsers list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(new UserListQuery(search, role), new PageRequest(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListUsers")
            .WithExample(new Paged<UserListItem>([new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ac001"), "officer@vlaio.example", "Programme Officer", "VLAIO", [Roles.ProgrammeOfficer], [], true, false)], 1, Paging.DefaultPageSize, 1)).WithSummary("Users with their roles and cluster scopes (administrators only).");
}
