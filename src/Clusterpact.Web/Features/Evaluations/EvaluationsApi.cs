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

/// <summary>A new evaluation as the planning form takes it: a cluster's (Individual, with its id) or the programme's (Systemic), with the planned day of each stage.</summary>
public sealed record PlanEvaluationRequest(
    [property: Required(ErrorMessage = "Validation.Required"), StringLength(Evaluation.TitleMaxLength, ErrorMessage = "Validation.MaxLength"),
        Display(Name = "Evaluations.TitleField")] string? Title,
    EvaluationKind Kind, EvaluationScope Scope, Guid? ClusterId, Dictionary<EvaluationStage, DateOnly>? Planned);

/// <summary>The day a stage was reached (today when left out).</summary>
public sealed record EvaluationStepRequest(DateOnly? On);

/// <summary>The decision that closes an evaluation, as the decision form takes it.</summary>
public sealed record DecideEvaluationRequest(DateOnly? On,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Evaluations.Outcome")] EvaluationOutcome? Outcome,
    [property: StringLength(Evaluation.ConditionsMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Evaluations.Conditions")] string? Conditions,
    [property: StringLength(Evaluation.ConclusionMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Evaluations.Conclusion")] string? Conclusion);

/// <summary>
/// /api/v1/evaluations: the evaluations the caller sees (<see cref="Scope.Evaluations"/>, as the /Evaluations pages), read, planned and
/// taken through their lifecycle by the pages' use cases (<see cref="PlanEvaluation"/>, <see cref="TakeEvaluationStep"/>): each step its own action.
/// </summary>
public static class EvaluationsApi
{
    private static readonly ApiSort<Evaluation> Sort = new ApiSort<Evaluation>().By("title", e => e.Title);

    public static void MapEvaluationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/evaluations").WithTags("Evaluations").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Evaluations);

        group.MapGet("/", async (Guid? cluster, EvaluationKind? kind, EvaluationStage? stage, [AsParameters] ListWindow window, Scope scope, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await scope.Evaluations().Where(e => (cluster == null || e.ClusterId == cluster) && (kind == null || e.Kind == kind) && (stage == null || e.Stage == stage))
                    .ToApiListAsync(Sort, window, http, (rows, _) => Task.FromResult<IReadOnlyList<EvaluationDto>>(rows.Select(EvaluationDto.From).ToList()), ct)))
            .WithName("ListEvaluations")
            .WithSort(Sort)
            .WithSummary("Evaluations of the clusters the caller sees and of the programme, filtered by cluster, kind and stage; cursor-paged.")
            .WithExample(ApiExamples.List(EvaluationDto.Example));

        group.MapGet("/{id:guid}", async Task<Results<Ok<EvaluationDto>, NotFound>> (Guid id, GetEvaluation get, HttpContext http, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } found ? http.Tagged(EvaluationDto.From(found.Evaluation), found.Evaluation.Version) : TypedResults.NotFound())
            .WithName("GetEvaluation")
            .WithSummary("One evaluation with its stage and, once decided, its outcome; its version is the ETag.")
            .WithExample(EvaluationDto.Example);

        group.MapPost("/", async Task<IResult> (PlanEvaluationRequest body, PlanEvaluation plan, GetEvaluation get, IStringLocalizer<SharedResource> text, HttpContext http,
                CancellationToken ct) =>
            {
                var outcome = await plan.HandleAsync(new PlanEvaluationCommand(body.Title!, body.Kind, body.Scope, body.ClusterId, body.Planned ?? []), ct);
                if (outcome is not { Status: CommandStatus.Ok, CreatedId: { } id }) return outcome.ToApiResult(text, http);
                var planned = (await get.HandleAsync(id, ct))!.Evaluation;
                return http.CreatedTagged($"/api/v1/evaluations/{id}", EvaluationDto.From(planned), planned.Version);
            })
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("PlanEvaluation")
            .WithSummary("Plan an evaluation as the planning form does (agency staff): a cluster's or the programme's, with the planned day of each stage; refused with the " +
                         "rule's reason when the title is missing, a cluster's evaluation names no cluster or the planned days are out of order.")
            .WithExample(EvaluationDto.Example with { Stage = EvaluationStage.Planned, Outcome = null, DecidedOn = null, Conclusion = null, Version = 0 },
                new PlanEvaluationRequest("Tussentijdse evaluatie Catalisti 2025", EvaluationKind.Interim, EvaluationScope.Individual, EvaluationDto.Example.ClusterId,
                    new() { [EvaluationStage.CollectingData] = new(2025, 6, 1), [EvaluationStage.Decided] = new(2025, 11, 14) }))
            .Produces(StatusCodes.Status201Created);

        // One action per step of the evaluation's table before the decision (decision 0009); the decision has its own form.
        foreach (var step in EvaluationLifecycle.StepsBeforeDecision)
        {
            group.MapPost($"/{{id:guid}}/{ApiExamples.Segment(step)}", async Task<IResult> (Guid id, IfMatch? ifMatch, EvaluationStepRequest? body, TakeEvaluationStep take,
                    TimeProvider clock, IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                    (await take.HandleAsync(new EvaluationStepCommand(id, ifMatch!.Version, step, body?.On ?? clock.TodayInBrussels(), null, null, null), ct)).ToApiResult(text, http))
                .WithName("Evaluation" + step)
                .WithSummary($"The evaluation's step '{step}' on a day (today when left out), as its page takes it (agency staff, by the table); If-Match: its ETag, " +
                             "409 when its stage does not allow the step.")
                .WithExample(ApiExamples.Changed, new EvaluationStepRequest(new(2025, 6, 1)))
                .ProducesProblem(StatusCodes.Status409Conflict);
        }

        group.MapPost("/{id:guid}/decide", async Task<IResult> (Guid id, IfMatch? ifMatch, DecideEvaluationRequest body, TakeEvaluationStep take, TimeProvider clock,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                (await take.HandleAsync(new EvaluationStepCommand(id, ifMatch!.Version, EvaluationLifecycle.Decide, body.On ?? clock.TodayInBrussels(), body.Outcome,
                    body.Conditions, body.Conclusion), ct)).ToApiResult(text, http))
            .WithName("DecideEvaluation")
            .WithSummary("Decide an evaluation whose report is drafted: extend, extend with conditions (the conditions required) or stop, with its conclusion, as the " +
                         "decision form does. A decided interim evaluation that advises extending is what an agreement's extension rests on.")
            .WithExample(ApiExamples.Changed, new DecideEvaluationRequest(new(2025, 11, 14), EvaluationOutcome.Extend, null, "Positief: verlengen."))
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
