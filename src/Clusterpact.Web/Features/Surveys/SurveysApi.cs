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

public sealed record SurveyQuestionDto(Guid Id, int Order, QuestionKind Kind, string TextNl, string TextEn, IReadOnlyList<string> OptionsNl, IReadOnlyList<string> OptionsEn,
    int? ScaleMin, int? ScaleMax, bool Required);

/// <summary>A survey's response rate in one cluster the caller sees.</summary>
public sealed record SurveyRateDto(Guid ClusterId, string Name, int Invited, int Answered, decimal? Rate);

/// <summary>A survey with its questionnaire and the response rates per cluster the caller sees (never who answered what: decision 0005); <c>version</c> is also its ETag.</summary>
public sealed record SurveyDto(Guid Id, string Title, int Year, SurveyStatus Status, DateOnly? OpenedOn, DateOnly? ClosedOn, IReadOnlyList<SurveyQuestionDto> Questions,
    IReadOnlyList<SurveyRateDto> Rates, long Version)
{
    public static SurveyDto From(SurveyDetails d) => new(d.Survey.Id, d.Survey.Title, d.Survey.Year, d.Survey.Status, d.Survey.OpenedOn, d.Survey.ClosedOn,
        d.Survey.Questions.Select(q => new SurveyQuestionDto(q.Id, q.Order, q.Kind, q.TextNl, q.TextEn, q.Options(false), q.OptionsEn.Length == 0 ? [] : q.Options(true),
            q.ScaleMin, q.ScaleMax, q.Required)).ToList(),
        d.Rates.Select(r => new SurveyRateDto(r.ClusterId, r.Name, r.Invited, r.Answered, r.Rate)).ToList(), d.Survey.Version);

    public static readonly SurveyDto Example = new(SurveyResultsDto.Example.SurveyId, "Ledenbevraging 2026", 2026, SurveyStatus.Open, new(2026, 3, 1), null,
        [new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ab101"), 1, QuestionKind.SingleChoice, "Heeft de cluster uw onderneming competitiever gemaakt?",
            "Has the cluster made your company more competitive?", ["Ja", "Nee"], ["Yes", "No"], null, null, true)],
        [new(Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"), "Catalisti", 120, 48, 0.4m)], 3);
}

/// <summary>A new survey as the surveys page starts it: the standard questionnaire of the 2020 evaluation, or an empty one to build.</summary>
public sealed record CreateSurveyRequest(
    [property: Required(ErrorMessage = "Validation.Required"), StringLength(Survey.TitleMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Surveys.TitleField")] string? Title,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Reports.Year")] int? Year, bool Standard);

/// <summary>A question added to a draft survey, as the questionnaire builder takes it (options one per item; a scale needs its ends).</summary>
public sealed record SurveyQuestionRequest(QuestionKind Kind, string? TextNl, string? TextEn, IReadOnlyList<string>? OptionsNl, IReadOnlyList<string>? OptionsEn,
    int? ScaleMin, int? ScaleMax, bool Required);

/// <summary>A question moved one place up (-1) or down (+1).</summary>
public sealed record MoveSurveyQuestionRequest(int Direction);

/// <summary>The clusters whose members' contacts are invited (those invited before are not invited again).</summary>
public sealed record InviteMembersRequest(IReadOnlyList<Guid>? ClusterIds);

/// <summary>How many e-mails an invitation or reminder round sent, and the survey's version (its ETag).</summary>
public sealed record SurveyMailingDto(long Version, int Sent)
{
    public static readonly SurveyMailingDto Example = new(3, 118);
}

/// <summary>
/// /api/v1/surveys: the member surveys the caller sees and their results through the results page's own service call
/// (<see cref="GetSurveyResults"/>), so the five-answer rule of decision 0005 hides on the API what it hides there; made, built,
/// opened, closed and mailed by agency staff through the survey page's use cases (<see cref="CreateSurvey"/>, <see cref="ChangeSurvey"/>,
/// <see cref="InviteMembers"/>, <see cref="RemindMembers"/>). Answers stay on the personal public link (decision 0005): no endpoint shows one person's.
/// </summary>
public static class SurveysApi
{
    /// <summary>The survey list is counted in memory (<see cref="ListSurveys"/>): numbers only, no text order to agree with the databases'.</summary>
    private static readonly ApiSort<SurveyRow> Sort = new ApiSort<SurveyRow>().By("year", s => s.Year).By("invited", s => s.Invited).By("answered", s => s.Answered);

    public static void MapSurveysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/surveys").WithTags("Surveys").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Surveys);

        group.MapGet("/", async ([AsParameters] ListWindow window, ListSurveys list, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(http.Linked((await list.HandleAsync(ct)).Rows.ToApiList(Sort, window))))
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

        group.MapGet("/{id:guid}", async Task<Results<Ok<SurveyDto>, NotFound>> (Guid id, GetSurvey get, HttpContext http, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } found ? http.Tagged(SurveyDto.From(found), found.Survey.Version) : TypedResults.NotFound())
            .WithName("GetSurvey")
            .WithSummary("One survey with its questionnaire and the response rate per cluster the caller sees; its version is the ETag. 404 when it is not the caller's.")
            .WithExample(SurveyDto.Example);

        group.MapPost("/", async Task<IResult> (CreateSurveyRequest body, CreateSurvey create, GetSurvey get, IStringLocalizer<SharedResource> text, HttpContext http,
                CancellationToken ct) =>
            {
                var outcome = await create.HandleAsync(new CreateSurveyCommand(body.Title, body.Year!.Value, body.Standard), ct);
                if (outcome is not { Status: CommandStatus.Ok, CreatedId: { } id }) return outcome.ToApiResult(text, http);
                var created = (await get.HandleAsync(id, ct))!;
                return http.CreatedTagged($"/api/v1/surveys/{id}", SurveyDto.From(created), created.Survey.Version);
            })
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("CreateSurvey")
            .WithSummary("Start a survey as a draft, as the surveys page does (agency staff): the standard questionnaire (standard: true) or an empty one to build.")
            .WithExample(SurveyDto.Example with { Status = SurveyStatus.Draft, OpenedOn = null, Rates = [], Version = 0 }, new CreateSurveyRequest("Ledenbevraging 2026", 2026, true))
            .Produces(StatusCodes.Status201Created);

        group.MapPost("/{id:guid}/questions", async Task<IResult> (Guid id, IfMatch? ifMatch, SurveyQuestionRequest body, ChangeSurvey change,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                (await change.HandleAsync(new ChangeSurveyCommand(id, ifMatch!.Version, "TextNl", (s, _) => s.AddQuestion(body.Kind, body.TextNl ?? "", body.TextEn,
                    body.OptionsNl ?? [], body.OptionsEn ?? [], body.ScaleMin, body.ScaleMax, body.Required, null)), ct)).ToApiResult(text, http))
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("AddSurveyQuestion")
            .WithSummary("Add a question at the end of a draft survey's questionnaire, as the builder does (agency staff); refused with the rule's reason once it is open. " +
                         "If-Match: the survey's ETag.")
            .WithExample(ApiExamples.Changed, new SurveyQuestionRequest(QuestionKind.Scale, "Hoe tevreden bent u over de matchmaking?", "How satisfied are you with the matchmaking?",
                null, null, 1, 5, true));

        group.MapDelete("/{id:guid}/questions/{questionId:guid}", async Task<IResult> (Guid id, Guid questionId, IfMatch? ifMatch, ChangeSurvey change,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                (await change.HandleAsync(new ChangeSurveyCommand(id, ifMatch!.Version, "QuestionId", (s, _) => s.RemoveQuestion(questionId)), ct)).ToApiResult(text, http))
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("RemoveSurveyQuestion")
            .WithSummary("Remove a question from a draft survey (agency staff); the others are renumbered. If-Match: the survey's ETag.")
            .WithExample(ApiExamples.Changed);

        group.MapPost("/{id:guid}/questions/{questionId:guid}/move", async Task<IResult> (Guid id, Guid questionId, IfMatch? ifMatch, MoveSurveyQuestionRequest body,
                ChangeSurvey change, IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                (await change.HandleAsync(new ChangeSurveyCommand(id, ifMatch!.Version, "QuestionId", (s, _) => s.MoveQuestion(questionId, body.Direction)), ct)).ToApiResult(text, http))
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("MoveSurveyQuestion")
            .WithSummary("Move a question of a draft survey one place up (direction -1) or down (+1) (agency staff). If-Match: the survey's ETag.")
            .WithExample(ApiExamples.Changed, new MoveSurveyQuestionRequest(-1));

        // The survey's two steps, each its own action: open (a draft with questions) and close (an open one), on today's date.
        foreach (var (step, take) in new (string, Func<Survey, DateOnly, Result>)[] { ("open", (s, today) => s.Open(today)), ("close", (s, today) => s.Close(today)) })
        {
            group.MapPost($"/{{id:guid}}/{step}", async Task<IResult> (Guid id, IfMatch? ifMatch, ChangeSurvey change, IStringLocalizer<SharedResource> text, HttpContext http,
                    CancellationToken ct) =>
                    (await change.HandleAsync(new ChangeSurveyCommand(id, ifMatch!.Version, "Status", take), ct)).ToApiResult(text, http))
                .RequireAuthorization(Policies.AgencyStaff)
                .WithName(step == "open" ? "OpenSurvey" : "CloseSurvey")
                .WithSummary(step == "open"
                    ? "Open a draft survey with at least one question, today, as its page does (agency staff); the questionnaire no longer changes. If-Match: its ETag."
                    : "Close an open survey today (agency staff): its links stop working and its results count for the KPIs. If-Match: its ETag.")
                .WithExample(ApiExamples.Changed);
        }

        group.MapPost("/{id:guid}/invite", async Task<IResult> (Guid id, IfMatch? ifMatch, InviteMembersRequest body, InviteMembers invite,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                Mailed(await invite.HandleAsync(new InviteMembersCommand(id, body.ClusterIds ?? [], ifMatch!.Version), ct), text, http))
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("InviteSurveyMembers")
            .WithSummary("Invite the contacts of the active members of these clusters to an open survey, each with a personal link by e-mail (agency staff); " +
                         "those invited before are not invited again. If-Match: the survey's ETag. Answers only through the personal link.")
            .WithExample(SurveyMailingDto.Example, new InviteMembersRequest([Guid.Parse("0193f0a0-0000-7000-8000-00000000c001")]));

        group.MapPost("/{id:guid}/remind", async Task<IResult> (Guid id, IfMatch? ifMatch, RemindMembers remind, IStringLocalizer<SharedResource> text, HttpContext http,
                CancellationToken ct) =>
                Mailed(await remind.HandleAsync(id, ifMatch!.Version, ct), text, http))
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("RemindSurveyMembers")
            .WithSummary($"Remind everyone invited to an open survey who has not answered and was not reminded in the last {RemindMembers.IntervalDays} days, with a " +
                         "fresh link (agency staff). If-Match: the survey's ETag.")
            .WithExample(SurveyMailingDto.Example);
    }

    /// <summary>A mailing's outcome: how many went out, or the refusal as problem details.</summary>
    private static IResult Mailed(SurveyMailing sent, IStringLocalizer text, HttpContext http)
    {
        if (sent.Outcome is not { Status: CommandStatus.Ok, NewVersion: { } version }) return sent.Outcome.ToApiResult(text, http);
        http.Response.Headers.ETag = ApiConventions.ETagOf(version);
        return TypedResults.Ok(new SurveyMailingDto(version, sent.Sent));
    }
}
