using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
namespace Clusterpact.Web.Features.Admin.Users;

public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder api) =>
        api.MapGroup("/users").WithTags("Administration").RequireAuthorization(Policies.Administration)
            .MapGet("/", async (string? search, string? role, [AsParameters] ListWindow window, ListUsers list, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(http.Linked(await list.HandleAsync(new UserListQuery(search, role), window, ct))))
            .WithName("ListUsers")
            .WithSort(ListUsers.Sort)
            .WithExample(ApiExamples.List(new UserListItem(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ac001"), "officer@vlaio.example", "Programme Officer", "VLAIO", [Roles.ProgrammeOfficer], [], true, false))).WithSummary("Users with their roles and cluster scopes (administrators only).");
}
