using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Pacts;

public sealed record PactCommitmentDto(Guid Key, PartyKind PartyKind, string Party, string Description, string Owner, DateOnly? Due, CommitmentStatus Status);

public sealed record PactVersionDto(int Number, int Year, string? Basis, DateOnly? AdoptedOn, IReadOnlyList<PactCommitmentDto> Commitments);

/// <summary>A cluster's pact: every version (adopted or draft) with its commitments; null versions when the cluster has no pact yet.</summary>
public sealed record PactDto(Guid ClusterId, string ClusterName, bool IsSpearhead, Guid? PactId, IReadOnlyList<PactVersionDto> Versions, long? Version)
{
    public static PactDto From(Guid clusterId, PactView found)
    {
        var pact = found.Pact;
        return new(clusterId, found.ClusterName, found.IsSpearhead, pact?.Id,
            pact?.Versions.Select(v => new PactVersionDto(v.Number, v.Year, v.Basis, v.AdoptedOn, pact.CommitmentsOf(v.Number)
                .Select(c => new PactCommitmentDto(c.Key, c.PartyKind, c.Party, c.Description, c.Owner, c.Due, c.Status)).ToList())).ToList() ?? [], pact?.Version);
    }

    public static readonly PactDto Example = new(Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"), "Catalisti", true, Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3aa001"),
        [new(1, 2024, "Actieplan 2024", new(2024, 6, 30), [new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3aa101"), PartyKind.ClusterOrganisation, "Catalisti",
            "Jaarlijks 4 matchmakingsessies", "Clustermanager", new(2024, 12, 31), CommitmentStatus.Done)])], 4);
}

/// <summary>A spearhead cluster's pact started with its first version (this year's when no year is given), as the pact page starts it.</summary>
public sealed record StartPactRequest(
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.Cluster")] Guid? ClusterId, int? Year, string? Basis);

/// <summary>A commitment of the pact's draft version: a new one without <c>key</c>, else the change of the one with that key.</summary>
public sealed record PactCommitmentRequest(Guid? Key, PartyKind PartyKind, string? Party, string? Description, string? Owner, DateOnly? Due, CommitmentStatus Status);

/// <summary>The yearly review: the year of the annual plan (this year's when left out) and what the new draft version rests on.</summary>
public sealed record ReviewPactRequest(int? Year, [property: StringLength(ClusterPact.BasisMaxLength, ErrorMessage = "Validation.MaxLength")] string? Basis);

/// <summary>
/// /api/v1/pacts: a cluster's pact as the /Pacts page reads it (<see cref="GetPact"/>, policy ClusterData), started, drafted
/// and adopted through the page's use cases (<see cref="StartPact"/>, <see cref="ReviewPact"/>, <see cref="SavePactCommitment"/>,
/// <see cref="RemovePactCommitment"/>, <see cref="AdoptPact"/>): adopting and starting are agency staff's, reviewing and drafting the cluster's editors', as on the page.
/// </summary>
public static class PactsApi
{
    public static void MapPactsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pacts").WithTags("Pacts").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Clusters);
        group.MapGet("/{clusterId:guid}", async Task<Results<Ok<PactDto>, NotFound>> (Guid clusterId, GetPact getPact, HttpContext http, CancellationToken ct) =>
            {
                if (await getPact.HandleAsync(clusterId, ct) is not { } found) return TypedResults.NotFound();
                var dto = PactDto.From(clusterId, found);
                return found.Pact is null ? TypedResults.Ok(dto) : http.Tagged(dto, found.Pact.Version);
            })
            .WithName("GetPact")
            .WithSummary("The pact of a cluster with every version and its commitments; its version is the ETag.")
            .WithExample(PactDto.Example);

        group.MapPost("/", async Task<IResult> (StartPactRequest body, StartPact start, GetPact getPact, IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
            {
                var clusterId = body.ClusterId!.Value;
                var outcome = await start.HandleAsync(clusterId, body.Year, body.Basis, ct);
                if (outcome.Status != CommandStatus.Ok) return outcome.ToApiResult(text, http);
                var found = (await getPact.HandleAsync(clusterId, ct))!;
                return http.CreatedTagged($"/api/v1/pacts/{clusterId}", PactDto.From(clusterId, found), found.Pact!.Version);
            })
            .WithName("StartPact")
            .WithSummary("Start a spearhead cluster's pact with its first draft version, as the pact page does (agency staff); refused with the rule's reason for " +
                         "another kind of cluster or when it has a pact already.")
            .WithExample(PactDto.Example with { Version = 0 }, new StartPactRequest(PactDto.Example.ClusterId, 2024, "Actieplan 2024"))
            .Produces(StatusCodes.Status201Created);

        group.MapPost("/{clusterId:guid}/commitments", async Task<IResult> (Guid clusterId, IfMatch? ifMatch, PactCommitmentRequest body, SavePactCommitment save,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                (await save.HandleAsync(new SavePactCommitmentCommand(clusterId, ifMatch!.Version, body.Key, body.PartyKind, body.Party ?? "", body.Description ?? "",
                    body.Owner ?? "", body.Due, body.Status), ct)).ToApiResult(text, http))
            .WithName("SavePactCommitment")
            .WithSummary("Add a commitment to the pact's draft version, or change one (with its key), as the pact page does (the cluster's manager or agency staff). " +
                         "If-Match: the pact's ETag.")
            .WithExample(ApiExamples.Changed, new PactCommitmentRequest(null, PartyKind.ClusterOrganisation, "Catalisti", "Jaarlijks 4 matchmakingsessies", "Clustermanager",
                new(2024, 12, 31), CommitmentStatus.Planned));

        group.MapPost("/{clusterId:guid}/commitments/{key:guid}/remove", async Task<IResult> (Guid clusterId, Guid key, IfMatch? ifMatch, RemovePactCommitment remove,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                (await remove.HandleAsync(clusterId, ifMatch!.Version, key, ct)).ToApiResult(text, http))
            .WithName("RemovePactCommitment")
            .WithSummary("Take a commitment out of the pact's draft version, as the pact page does (the cluster's manager or agency staff); an adopted version's " +
                         "commitments stay. If-Match: the pact's ETag.")
            .WithExample(ApiExamples.Changed);

        group.MapPost("/{clusterId:guid}/review", async Task<IResult> (Guid clusterId, IfMatch? ifMatch, ReviewPactRequest? body, ReviewPact review,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                (await review.HandleAsync(clusterId, ifMatch!.Version, body?.Year, body?.Basis, ct)).ToApiResult(text, http))
            .WithName("ReviewPact")
            .WithSummary("The yearly review: draft a new version of the pact from the annual plan, with the adopted version's commitments to carry on, as the pact " +
                         "page does (the cluster's manager or agency staff); refused with the rule's reason while a draft is open or for a year before the latest version's. " +
                         "If-Match: the pact's ETag.")
            .WithExample(ApiExamples.Changed, new ReviewPactRequest(2025, "Actieplan 2025"));

        group.MapPost("/{clusterId:guid}/adopt", async Task<IResult> (Guid clusterId, IfMatch? ifMatch, AdoptPact adopt, IStringLocalizer<SharedResource> text, HttpContext http,
                CancellationToken ct) =>
                (await adopt.HandleAsync(clusterId, ifMatch!.Version, ct)).ToApiResult(text, http))
            .WithName("AdoptPact")
            .WithSummary("Adopt the pact's draft version today (agency staff); refused with the rule's reason when there is no draft or it has no commitment. " +
                         "If-Match: the pact's ETag.")
            .WithExample(ApiExamples.Changed);
    }
}
