using Clusterpact.Web.Infrastructure.Security;
namespace Clusterpact.Web.Features.Account;

public sealed record MeResponse(Guid? Id, string Name, IReadOnlyList<string> Roles);

public static class MeApi
{
    public static void MapMeApi(this RouteGroupBuilder api) =>
        api.MapGet("/me", (CurrentUser user) => TypedResults.Ok(new MeResponse(user.Id, user.Name, user.RoleNames)))
            .WithTags("Account").WithName("Me").WithExample(new MeResponse(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ac001"), "officer@vlaio.example", [Roles.ProgrammeOfficer])).WithSummary("Who the caller is and their roles.")
            .RequireAuthorization(Policies.SignedIn).ForAnyApiArea();
}
