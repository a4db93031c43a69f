using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Surveys;

public sealed record SurveyQuestionResultDto(Guid QuestionId, int Order, string Text, QuestionKind Kind, bool Shown, int? Answered,
    IReadOnlyList<DisclosedCount> Counts, decimal? Mean, decimal? Median, decimal? TopShare);

/// <summary>A survey's results for one selection: <c>shown</c> false (and no figures) when the five-answer rule hides them.</summary>
public sealed record SurveyResultsDto(Guid SurveyId, string Title, Guid? Cluster, SizeClass? Size, bool SmeOnly, bool Shown, int? Responses, decimal? CompetitivenessKpi,
    IReadOnlyList<SurveyQuestionResultDto> Questions)
{
    public static readonly SurveyResultsDto Example = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ab001"), "Ledenbevraging 2025", null, null, false, true, 48, 0.62m,
        [new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ab101"), 1, "Heeft de cluster uw onderneming competitiever gemaakt?", QuestionKind.SingleChoice, true, 48,
            [new("Ja", 30, 0.625m), new("Nee", 18, 0.375m)], null, null, null)]);
}

/// <summary>
/// /api/v1/surveys: the member surveys the caller sees and their results through the results page's own service call
/// (<see cref="GetSurveyResults"/>), so the five-answer rule of decision 0005 hides on the API what it hides there.
/// </summary>
public static class SurveysApi
{
    /// <summary>The survey list is counted in memory (<see cref="ListSurveys"/>): numbers only, no text order to agree with the databases'.</summary>
    private static readonly ApiSort<SurveyRow> Sort = new ApiSort<SurveyRow>().By("year", s => s.Year).By("invited", s => s.Invited).By("answered", s => s.Answered);

    public static void MapSurveysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/surveys").WithTags("Surveys").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Surveys);

        group.MapGet("/", async ([AsParameters] ListWindow window, ListSurveys list, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(http.Linked(await (await list.HandleAsync(ct)).Rows.AsQueryable().ToApiListAsync(Sort, window, null, ct))))
            .WithName("ListSurveys")
            .WithSort(Sort)
            .WithSummary("The member surveys the caller sees (a cluster manager: those that invited their members) with invitations and answers; cursor-paged.")
            .WithExample(new ApiList<SurveyRow>([new(SurveyResultsDto.Example.SurveyId, "Ledenbevraging 2025", 2025, SurveyStatus.Closed, 12, 240, 48)], null));

        group.MapGet("/{id:guid}/results", async Task<Results<Ok<SurveyResultsDto>, NotFound>> (Guid id, Guid? cluster, SizeClass? size, bool? sme, GetSurveyResults results, CancellationToken ct) =>
            {
                var english = Cultures.IsEnglish;
                if (await results.HandleAsync(new SurveyResultsQuery(id, cluster, size, sme ?? false, english), ct) is not { } view) return TypedResults.NotFound();
                var questions = view.Disclosed is { Shown: true } d
                    ? view.Survey.Questions.Zip(d.Questions).Select(x => new SurveyQuestionResultDto(x.First.Id, x.First.Order, x.First.Text(english), x.First.Kind, x.Second.Shown,
                        x.Second.Answered, x.Second.Counts, x.Second.Mean, x.Second.Median, x.Second.TopShare)).ToList()
                    : [];
                return TypedResults.Ok(new SurveyResultsDto(id, view.Survey.Title, view.Cluster, size, sme ?? false, !view.Hidden, view.Disclosed is { Shown: true } ? view.Disclosed.Responses : null,
                    view.Disclosed is { Shown: true } ? view.Disclosed.CompetitivenessKpi : null, questions));
            })
            .WithName("GetSurveyResults")
            .WithSummary("Results per question for all clusters or one and a size class, under the same disclosure rule as the results page: no figure describes fewer than five members.")
            .WithExample(SurveyResultsDto.Example);
    }
}
