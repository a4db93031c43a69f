using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Organisations;

public static class OrganisationsApi
{
    public static void MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Members").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Members);
        group.MapGet("/", async (string? search, OrganisationKind? kind, SizeClass? size, Guid? cluster, bool? multi, [AsParameters] ListWindow window, ListOrganisations list,
                HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(http.Linked(await list.HandleAsync(new OrganisationListQuery(search, kind, size, cluster, multi ?? false), window, ct))))
            .WithName("ListOrganisations")
            .WithSort(ListOrganisations.Sort)
            .WithExample(ApiExamples.List(new OrganisationListItem(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a6101"), "Voorbeeld NV", OrganisationKind.Company, SizeClass.Small, "0403170701", "BE", true, 2))).WithSummary("The member register the caller may see: searched, filtered and sorted; cursor-paged.");
        group.MapGet("/{id:guid}", async Task<Results<Ok<OrganisationDetails>, NotFound>> (Guid id, GetOrganisation get, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } o ? TypedResults.Ok(o) : TypedResults.NotFound())
            .WithName("GetOrganisation")
            .WithExample(new OrganisationDetails(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a6101"), 3, "Voorbeeld NV", OrganisationKind.Company, SizeClass.Small, "0403170701", "BE", true,
                [new(Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"), "Catalisti", new DateOnly(2024, 1, 1), null, MembershipRole.Member, 2500m, true)])).WithSummary("One organisation with its memberships; 404 when it is not in the caller's clusters.");
    }
}
