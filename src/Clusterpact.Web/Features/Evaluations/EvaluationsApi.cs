using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Evaluations;

public sealed record EvaluationDto(Guid Id, string Title, EvaluationKind Kind, EvaluationScope Scope, Guid? ClusterId, EvaluationStage Stage,
    EvaluationOutcome? Outcome, DateOnly? DecidedOn, string? Conditions, string? Conclusion, long Version)
{
    public static EvaluationDto From(Evaluation e) => new(e.Id, e.Title, e.Kind, e.Scope, e.ClusterId, e.Stage, e.Outcome, e.DecidedOn, e.Conditions, e.Conclusion, e.Version);

    public static readonly EvaluationDto Example = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a8001"), "Tussentijdse evaluatie Catalisti 2025", EvaluationKind.Interim,
        EvaluationScope.Individual, Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"), EvaluationStage.Decided, EvaluationOutcome.Extend, new(2025, 11, 14), null,
        "Positief: verlengen.", 7);
}

/// <summary>/api/v1/evaluations: the evaluations the caller sees (<see cref="Scope.Evaluations"/>, as the /Evaluations pages), read through the page's handler.</summary>
public static class EvaluationsApi
{
    public static void MapEvaluationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/evaluations").WithTags("Evaluations").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Evaluations);

        group.MapGet("/", async (Guid? cluster, EvaluationKind? kind, EvaluationStage? stage, [AsParameters] ListWindow window, Scope scope, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await scope.Evaluations().Where(e => (cluster == null || e.ClusterId == cluster) && (kind == null || e.Kind == kind) && (stage == null || e.Stage == stage))
                    .ToApiListAsync(window, http, (rows, _) => Task.FromResult<IReadOnlyList<EvaluationDto>>(rows.Select(EvaluationDto.From).ToList()), ct)))
            .WithName("ListEvaluations")
            .WithSummary("Evaluations of the clusters the caller sees and of the programme, filtered by cluster, kind and stage; cursor-paged.")
            .WithExample(ApiExamples.List(EvaluationDto.Example));

        group.MapGet("/{id:guid}", async Task<Results<Ok<EvaluationDto>, NotFound>> (Guid id, GetEvaluation get, HttpContext http, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } found ? http.Tagged(EvaluationDto.From(found.Evaluation), found.Evaluation.Version) : TypedResults.NotFound())
            .WithName("GetEvaluation")
            .WithSummary("One evaluation with its stage and, once decided, its outcome; its version is the ETag.")
            .WithExample(EvaluationDto.Example);
    }
}
