using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Organisations;

public static class OrganisationsApi
{
    public static void MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Members").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Members);
        group.MapGet("/", async (string? search, OrganisationKind? kind, SizeClass? size, Guid? cluster, bool? multi, OrganisationSort? sort, bool? desc, int? page, int? pageSize, ListOrganisations list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(new OrganisationListQuery(search, kind, size, cluster, multi ?? false, sort ?? OrganisationSort.Name, desc ?? false), new PageRequest(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListOrganisations").WithSummary("The member register the caller may see: searched, filtered, sorted and paged.");
        group.MapGet("/{id:guid}", async Task<Results<Ok<OrganisationDetails>, NotFound>> (Guid id, GetOrganisation get, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } o ? TypedResults.Ok(o) : TypedResults.NotFound())
            .WithName("GetOrganisation").WithSummary("One organisation with its memberships; 404 when it is not in the caller's clusters.");
    }
}
