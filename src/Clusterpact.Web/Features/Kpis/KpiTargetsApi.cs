using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Kpis;

/// <summary>A target as the KPI page's form takes it: the target, a baseline, and the reason (required when it changes a target).</summary>
public sealed record SetKpiTargetRequest(decimal? Baseline,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Kpis.Target")] decimal? Target,
    [property: StringLength(KpiTarget.ReasonMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Kpis.Reason")] string? Reason);

/// <summary>
/// /api/v1/clusters/{id}/kpi-targets: a cluster's KPI targets as its KPI page shows them (policy ClusterData, a manager their
/// own clusters), set and changed through the page's use case (<see cref="SetKpiTarget"/>: agency staff, a change with a reason).
/// A new target is made with <c>If-None-Match: *</c>, a change rests on the target's ETag, so two officers never overwrite each other.
/// </summary>
public static class KpiTargetsApi
{
    public static void MapKpiTargetsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/clusters/{id:guid}/kpi-targets").WithTags("KPIs").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Kpis);

        group.MapGet("/", async Task<Results<Ok<ApiList<KpiTargetDto>>, NotFound>> (Guid id, int? year, [AsParameters] ListWindow window, ListKpiTargets list, HttpContext http,
                CancellationToken ct) =>
                await list.HandleAsync(id, year, window, ct) is { } found ? TypedResults.Ok(http.Linked(found)) : TypedResults.NotFound())
            .WithSort(ListKpiTargets.Sort)
            .WithName("ListKpiTargets")
            .WithSummary("The cluster's KPI targets with baseline and history, optionally of one year; cursor-paged. 404 when the cluster is not the caller's.")
            .WithExample(ApiExamples.List(KpiTargetDto.Example));

        group.MapGet("/{code}/{year:int}", async Task<Results<Ok<KpiTargetDto>, NotFound>> (Guid id, string code, int year, GetKpiTarget get, HttpContext http, CancellationToken ct) =>
                await get.HandleAsync(id, code, year, ct) is { } target ? http.Tagged(KpiTargetDto.From(target), target.Version) : TypedResults.NotFound())
            .WithName("GetKpiTarget")
            .WithSummary("The cluster's target for one KPI (its code in the catalogue) and year; its version is the ETag.")
            .WithExample(KpiTargetDto.Example);

        group.MapPut("/{code}/{year:int}", async Task<IResult> (Guid id, string code, int year, IfMatch? ifMatch, SetKpiTargetRequest body, SetKpiTarget set,
                GetKpiTarget get, IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await set.HandleAsync(new SetKpiTargetCommand(id, code, year, body.Baseline, body.Target!.Value, body.Reason, ifMatch?.Version), ct);
                if (outcome is not { Status: CommandStatus.Ok, CreatedId: not null }) return outcome.ToApiResult(text, http);
                var created = (await get.HandleAsync(id, code, year, ct))!;
                return http.CreatedTagged($"/api/v1/clusters/{id}/kpi-targets/{code}/{year}", KpiTargetDto.From(created), created.Version);
            })
            .CreatesWithIfNoneMatch()
            .WithName("SetKpiTarget")
            .WithSummary("Set the cluster's target for a KPI and year as the KPI page does (agency staff): a new one with If-None-Match: * (201), a change with the " +
                         "target's ETag as If-Match and a reason (its history keeps it). 412 when it was set or changed meanwhile; out of the KPI's range: the rule's reason.")
            .WithExample(ApiExamples.Changed, new SetKpiTargetRequest(140m, 160m, "Twee fusies van leden verwacht"))
            .Produces(StatusCodes.Status201Created);
    }
}
