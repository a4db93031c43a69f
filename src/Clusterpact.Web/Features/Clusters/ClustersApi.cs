using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Clusters;

/// <summary>The contact fields with the limits of the page's form (Clusters/Edit), so the API stores nothing the form would refuse.</summary>
public sealed record UpdateClusterContactRequest(
    long Version,
    [property: Display(Name = "Clusters.Website"), StringLength(EditModel.MaxWebsite, ErrorMessage = "Validation.MaxLength")] string? Website,
    [property: Display(Name = "Clusters.ContactName"), StringLength(EditModel.MaxContactName, ErrorMessage = "Validation.MaxLength")] string? ContactName,
    [property: Display(Name = "Clusters.ContactEmail"), StringLength(EditModel.MaxContactEmail, ErrorMessage = "Validation.MaxLength")] string? ContactEmail);

/// <summary>/api/v1/clusters: the same handlers as the pages, scoped by the caller's rights.</summary>
public static class ClustersApi
{
    public static RouteGroupBuilder MapClustersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/clusters").WithTags("Clusters").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Clusters);

        group.MapGet("/", async (string? search, ClusterType? type, ClusterStatus? status, [AsParameters] ListWindow window, ListClusters list, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(http.Linked(await list.HandleAsync(new ClusterListQuery(search, type, status), window, ct))))
            .WithName("ListClusters")
            .WithSort(ListClusters.Sort)
            .WithExample(ApiExamples.List(new ClusterListItem(Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"), "Catalisti", ClusterType.SpearheadCluster, "Chemie en kunststoffen", ClusterStatus.Supported, new DateOnly(2017, 1, 1), null, 212)))
            .WithSummary("Clusters the caller may see, searched, filtered and sorted; cursor-paged.");

        group.MapGet("/choices", async (string? search, ChooseCluster choose, CancellationToken ct) => TypedResults.Ok(await choose.SuggestAsync(search, ct)))
            .WithName("SuggestClusters")
            .WithExample(new[] { new ClusterChoiceItem(Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"), "Catalisti") })
            .WithSummary($"Up to {ChooseCluster.MaxSuggestions} clusters the caller may see whose name contains the search, by name: what a cluster filter suggests while a person types.");

        group.MapGet("/{id:guid}", async Task<Results<Ok<ClusterDetails>, NotFound>> (Guid id, int? memberPage, GetClusterDetails details, CancellationToken ct) =>
                await details.HandleAsync(id, memberPage ?? 1, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound())
            .WithName("GetCluster")
            .WithExample(new ClusterDetails(Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"), 12, "Catalisti", ClusterType.SpearheadCluster, "Chemie en kunststoffen", "Speerpuntclusters 2016", ClusterStatus.Supported,
                new DateOnly(2017, 1, 1), null, "0123456749", "https://catalisti.be", "Clustermanager", "info@catalisti.be", 212, 150, 9, true,
                new Paged<ClusterMemberRow>([new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a6001"), Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a6101"), "Voorbeeld NV", "Company", "Small", "0403.170.701", new DateOnly(2024, 1, 1), null, "Member")], 1, 20, 212)))
            .WithSummary("One cluster with its current members; 404 when it is not the caller's.");

        group.MapPut("/{id:guid}/contact", async Task<IResult> (Guid id, UpdateClusterContactRequest body, UpdateClusterContact update, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var outcome = await update.HandleAsync(new UpdateClusterContactCommand(id, body.Version, body.Website, body.ContactName, body.ContactEmail), ct);
                return outcome.ToHttpResult(text);
            })
            .WithName("UpdateClusterContact")
            .WithExample(ApiExamples.Changed, new UpdateClusterContactRequest(12, "https://catalisti.be", "Clustermanager", "info@catalisti.be"))
            .WithSummary("Update website and contact; send the version you read, a stale one gives 409.");
        return group;
    }
}

public static class CommandOutcomeHttp
{
    /// <summary>Business-rule failures as RFC 9457 problem details with the message key and its translation.</summary>
    public static IResult ToHttpResult(this CommandOutcome outcome, IStringLocalizer text) => outcome.Status switch
    {
        CommandStatus.Ok => TypedResults.Ok(new { version = outcome.NewVersion }),
        CommandStatus.NotFound => TypedResults.NotFound(),
        CommandStatus.Forbidden => TypedResults.Forbid(),
        CommandStatus.Conflict => TypedResults.Problem(text[outcome.ErrorCode!], statusCode: StatusCodes.Status409Conflict, title: "Conflict",
            extensions: new Dictionary<string, object?> { ["code"] = outcome.ErrorCode }),
        _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [outcome.Field ?? ""] = [text[outcome.ErrorCode!]] }, detail: text[outcome.ErrorCode!],
            extensions: new Dictionary<string, object?> { ["code"] = outcome.ErrorCode }),
    };
}
