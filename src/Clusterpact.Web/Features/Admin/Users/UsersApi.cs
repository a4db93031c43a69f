namespace Clusterpact.Web.Features.Admin.Users;

public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder api) =>
        api.MapGroup("/users").WithTags("Administration").RequireAuthorization(Policies.Administration)
            .MapGet("/", async (string? search, string? role, int? page, int? pageSize, ListUsers list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(new UserListQuery(search, role), new PageRequest(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListUsers").WithSummary("Users with their roles and cluster scopes (administrators only).");
}
