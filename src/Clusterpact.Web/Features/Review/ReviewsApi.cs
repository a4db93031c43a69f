using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Review;

/// <summary>
/// One of the expert's own assignments as the review page shows it: the application by the name the expert may see, the
/// call's criteria and scale, the declaration, and <c>scores</c>: null until the expert declared no conflict, then their
/// own, and the panel's (by juror number, never by name) only once the consensus is reached. <c>version</c> is also its ETag.
/// </summary>
public sealed record ReviewDto(Guid Id, Guid CallId, string CallTitleNl, string CallTitleEn, string ApplicationName, ApplicationStatus ApplicationStatus,
    ConflictDeclaration Declaration, int ScaleMin, int ScaleMax, IReadOnlyList<CallCriterion> Criteria, IReadOnlyList<PanelScore>? Scores, bool ConsensusReached, long Version)
{
    public static ReviewDto From(ReviewView v) => new(v.Assignment.Id, v.Call.Id, v.Call.TitleNl, v.Call.TitleEn, v.DisplayName, v.Application.Status, v.Assignment.Declaration,
        v.Call.Scale.Min, v.Call.Scale.Max, v.Call.Criteria, v.PanelScores, v.ConsensusReached, v.Assignment.Version);

    public static readonly ReviewDto Example = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a9201"), Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a9001"),
        "Oproep speerpuntclusters 2026", "Call for spearhead clusters 2026", "Voorbeeldcluster vzw", ApplicationStatus.UnderReview, ConflictDeclaration.NoConflict, 0, 10,
        [new("IMPACT", "Impact op de leden", "Impact on the members", 60), new("PLAN", "Kwaliteit van het plan", "Quality of the plan", 40)],
        [new(1, true, "IMPACT", 8m, "Sterke impact op de leden: vier nieuwe samenwerkingen per jaar.")], false, 3);
}

/// <summary>The explanation that goes with a declaration (required with a conflict, as on the review page).</summary>
public sealed record DeclarationRequest([property: StringLength(4000, ErrorMessage = "Validation.MaxLength")] string? Explanation);

/// <summary>The criteria the expert scores, each with its value on the call's scale and its written justification; lines left empty are skipped.</summary>
public sealed record ScoresRequest([property: Required(ErrorMessage = "Validation.Required")] IReadOnlyList<ScoreLine>? Scores);

/// <summary>
/// /api/v1/reviews: an external expert's own assignments (policy Reviewing, as the /Review folder; any other assignment is
/// not found), read, declared and scored through the review page's use cases (<see cref="ListMyReviews"/>, <see cref="GetReview"/>,
/// <see cref="DeclareConflictOfInterest"/>, <see cref="ScoreApplication"/>). The panel's scores stay hidden until the consensus, as on the page.
/// </summary>
public static class ReviewsApi
{
    public static void MapReviewsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reviews").WithTags("Review").RequireAuthorization(Policies.Reviewing).ForApiArea(ApiArea.Calls);

        group.MapGet("/", async (ListMyReviews list, CancellationToken ct) => TypedResults.Ok(new ApiList<ReviewRow>(await list.HandleAsync(ct), null)))
            .WithName("ListMyReviews")
            .WithSummary("The caller's own assignments, those still to declare first; one page.")
            .WithExample(new ApiList<ReviewRow>([new(ReviewDto.Example.Id, ReviewDto.Example.CallTitleNl, ReviewDto.Example.CallTitleEn, "Voorbeeldcluster vzw",
                ApplicationStatus.UnderReview, ConflictDeclaration.None, 0, 2, false)], null));

        group.MapGet("/{id:guid}", async Task<Results<Ok<ReviewDto>, NotFound>> (Guid id, GetReview get, HttpContext http, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } view ? http.Tagged(ReviewDto.From(view), view.Assignment.Version) : TypedResults.NotFound())
            .WithName("GetReview")
            .WithSummary("One of the caller's assignments; another expert's is not found. Scores: none before declaring no conflict, the caller's own until the " +
                         "consensus, then the panel's by juror number. Its version is the ETag.")
            .WithExample(ReviewDto.Example);

        // The expert's steps of the assignment's table (decision 0009), each its own action.
        foreach (var step in AssignmentLifecycle.Rules.Steps.Where(s => s.AllowedFor(Actor.Expert)).Select(s => s.Name).Distinct())
        {
            group.MapPost($"/{{id:guid}}/{ApiExamples.Segment(step)}", async Task<IResult> (Guid id, IfMatch? ifMatch, DeclarationRequest? body, DeclareConflictOfInterest declare,
                    IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                    (await declare.HandleAsync(id, ifMatch!.Version, step, body?.Explanation, ct)).ToApiResult(text, http))
                .WithName("Review" + step)
                .WithSummary($"The declaration '{step}' on the caller's assignment, as the review page takes it (an explanation is required with a conflict); " +
                             "If-Match: its ETag, 409 when its declaration does not allow the step.")
                .WithExample(ApiExamples.Changed, new DeclarationRequest(step == AssignmentLifecycle.DeclareConflict ? "Ik werkte tot vorig jaar bij de aanvrager." : null))
                .ProducesProblem(StatusCodes.Status409Conflict);
        }

        group.MapPost("/{id:guid}/scores", async Task<IResult> (Guid id, IfMatch? ifMatch, ScoresRequest body, ScoreApplication score, IStringLocalizer<SharedResource> text,
                HttpContext http, CancellationToken ct) =>
                (await score.HandleAsync(id, ifMatch!.Version, body.Scores!, ct)).ToApiResult(text, http))
            .WithName("ScoreApplication")
            .WithSummary("Score criteria of the caller's assignment, each on the call's scale with a written justification, as the review page does; only after " +
                         "declaring no conflict, else refused with the rule's reason and nothing saved. If-Match: its ETag.")
            .WithExample(ApiExamples.Changed, new ScoresRequest([new("IMPACT", 8m, "Sterke impact op de leden: vier nieuwe samenwerkingen per jaar.")]));
    }
}
