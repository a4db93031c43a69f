namespace Clusterpact.Web.Features.Account;

public sealed record MeResponse(Guid? Id, string Name, IReadOnlyList<string> Roles);

public static class MeApi
{
    public static void MapMeApi(this RouteGroupBuilder api) =>
        api.MapGet("/me", (CurrentUser user) => TypedResults.Ok(new MeResponse(user.Id, user.Name, user.RoleNames)))
            .WithTags("Account").WithName("Me").WithSummary("Who the caller is and their roles.")
            .RequireAuthorization(Policies.SignedIn).ForAnyApiArea();
}
