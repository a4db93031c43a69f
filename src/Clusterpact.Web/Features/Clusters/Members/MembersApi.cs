using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Clusters.Members;

/// <summary>A membership of a cluster with its organisation's identity, as a CRM reconciles it; <c>version</c> is also its ETag.</summary>
public sealed record MembershipDto(Guid Id, Guid ClusterId, Guid OrganisationId, string OrganisationName, string? EnterpriseNumber, string CountryCode, string? ForeignId,
    DateOnly From, DateOnly? Until, MembershipRole Role, decimal? YearlyFee, string? ContactEmail, long Version)
{
    public static readonly MembershipDto Example = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a6001"), Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"),
        Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a6101"), "Voorbeeld NV", "0403170701", "BE", null, new(2024, 1, 1), null, MembershipRole.Member, 2500m, "crm@voorbeeld.be", 1);
}

/// <summary>A change of a membership: the fields of the page's edit form (Clusters/Members/Edit), with its limits.</summary>
public sealed record MembershipChangeRequest(
    [property: Display(Name = "Members.Until")] DateOnly? Until,
    [property: Display(Name = "Members.Role")] MembershipRole Role,
    [property: Display(Name = "Members.Fee")] decimal? YearlyFee,
    [property: StringLength(254, ErrorMessage = "Validation.MaxLength"), Display(Name = "MemberField.ContactEmail")] string? ContactEmail);

/// <summary>
/// /api/v1/clusters/{id}/members: a cluster's member list for a CRM to read and push, one member at a time through the
/// page's own use cases (<see cref="AddMember"/>, <see cref="UpdateMembership"/>: enterprise number check, organisation found or created, no
/// overlapping membership), so the API stores nothing the page would refuse. Policy as the /Clusters folder; the use cases
/// allow agency staff and the cluster's own manager.
/// </summary>
public static class MembersApi
{

    public static void MapMembersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/clusters/{id:guid}/members").WithTags("Clusters").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Members);

        group.MapGet("/", async Task<Results<Ok<ApiList<MembershipDto>>, NotFound>> (Guid id, [AsParameters] ListWindow window, ListMembers list, HttpContext http,
                CancellationToken ct) =>
                await list.HandleAsync(id, window, ct) is { } page ? TypedResults.Ok(http.Linked(page)) : TypedResults.NotFound())
            .WithName("ListMembers")
            .WithSort(ListMembers.Sort)
            .WithSummary("A cluster's memberships, past and present, oldest first; cursor-paged. 404 when the cluster is not the caller's.")
            .WithExample(ApiExamples.List(MembershipDto.Example));

        group.MapGet("/{membershipId:guid}", async Task<Results<Ok<MembershipDto>, NotFound>> (Guid id, Guid membershipId, GetMembership get, HttpContext http,
                CancellationToken ct) =>
                await get.HandleAsync(id, membershipId, ct) is { } membership ? http.Tagged(membership, membership.Version) : TypedResults.NotFound())
            .WithName("GetMember")
            .WithSummary("One membership; its version is the ETag to send as If-Match with a change.")
            .WithExample(MembershipDto.Example);

        group.MapPost("/", async Task<IResult> (Guid id, AddModel.InputModel body, AddMember addMember, IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
            {
                if (body.From is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [text["Validation.Required", text["Members.Since"]]] });
                var outcome = await addMember.HandleAsync(new AddMemberCommand(id, body.EnterpriseNumber, body.CountryCode, body.ForeignId, body.Name, body.Kind,
                    body.From.Value, body.Until, body.Role, body.YearlyFee), ct);
                if (outcome is { Status: CommandStatus.Ok, CreatedId: { } created })
                {
                    http.Response.Headers.ETag = ApiConventions.ETagOf(outcome.NewVersion ?? 0);
                    return TypedResults.Created($"/api/v1/clusters/{id}/members/{created}", new { id = created, version = outcome.NewVersion });
                }
                return outcome.ToApiResult(text, http);
            })
            .WithName("AddMember")
            .WithSummary("Push a member: the organisation by Belgian enterprise number (or country and foreign id), created with its name when the register does not know it; " +
                         "refused (400, with the rule's reason and code) when the number is invalid or the organisation is already a member in that period.")
            .WithExample(new { id = MembershipDto.Example.Id, version = 0L },
                new AddModel.InputModel { EnterpriseNumber = "0403.170.701", CountryCode = "BE", Name = "Voorbeeld NV", Kind = OrganisationKind.Company, From = new DateOnly(2024, 1, 1), Role = MembershipRole.Member, YearlyFee = 2500m })
            .Produces(StatusCodes.Status201Created);

        group.MapPut("/{membershipId:guid}", async Task<IResult> (Guid id, Guid membershipId, IfMatch? ifMatch, MembershipChangeRequest body, UpdateMembership updateMembership,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                (await updateMembership.HandleAsync(new UpdateMembershipCommand(id, membershipId, ifMatch!.Version, body.Until, body.Role, body.YearlyFee, body.ContactEmail), ct)).ToApiResult(text, http))
            .WithName("UpdateMember")
            .WithSummary("Change or end a membership (until, role, fee, contact) as the edit page does; If-Match with the membership's ETag, 412 when stale.")
            .WithExample(ApiExamples.Changed, new MembershipChangeRequest(new DateOnly(2026, 12, 31), MembershipRole.Member, 2500m, "crm@voorbeeld.be"));
    }
}
