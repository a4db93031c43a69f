using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Pacts;

public sealed record PactCommitmentDto(Guid Key, PartyKind PartyKind, string Party, string Description, string Owner, DateOnly? Due, CommitmentStatus Status);

public sealed record PactVersionDto(int Number, int Year, string? Basis, DateOnly? AdoptedOn, IReadOnlyList<PactCommitmentDto> Commitments);

/// <summary>A cluster's pact: every version (adopted or draft) with its commitments; null versions when the cluster has no pact yet.</summary>
public sealed record PactDto(Guid ClusterId, string ClusterName, bool IsSpearhead, Guid? PactId, IReadOnlyList<PactVersionDto> Versions, long? Version)
{
    public static readonly PactDto Example = new(Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"), "Catalisti", true, Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3aa001"),
        [new(1, 2024, "Actieplan 2024", new(2024, 6, 30), [new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3aa101"), PartyKind.ClusterOrganisation, "Catalisti",
            "Jaarlijks 4 matchmakingsessies", "Clustermanager", new(2024, 12, 31), CommitmentStatus.Done)])], 4);
}

/// <summary>/api/v1/pacts/{clusterId}: a cluster's pact as the /Pacts page reads it (<see cref="GetPact"/>, policy ClusterData).</summary>
public static class PactsApi
{
    public static void MapPactsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pacts").WithTags("Pacts").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Clusters);
        group.MapGet("/{clusterId:guid}", async Task<Results<Ok<PactDto>, NotFound>> (Guid clusterId, GetPact getPact, HttpContext http, CancellationToken ct) =>
            {
                if (await getPact.HandleAsync(clusterId, ct) is not { } found) return TypedResults.NotFound();
                var pact = found.Pact;
                var dto = new PactDto(clusterId, found.ClusterName, found.IsSpearhead, pact?.Id,
                    pact?.Versions.Select(v => new PactVersionDto(v.Number, v.Year, v.Basis, v.AdoptedOn, pact.CommitmentsOf(v.Number)
                        .Select(c => new PactCommitmentDto(c.Key, c.PartyKind, c.Party, c.Description, c.Owner, c.Due, c.Status)).ToList())).ToList() ?? [], pact?.Version);
                return pact is null ? TypedResults.Ok(dto) : http.Tagged(dto, pact.Version);
            })
            .WithName("GetPact")
            .WithSummary("The pact of a cluster with every version and its commitments; its version is the ETag.")
            .WithExample(PactDto.Example);
    }
}
