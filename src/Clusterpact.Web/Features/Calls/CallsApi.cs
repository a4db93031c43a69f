using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Calls;

public sealed record CallDto(Guid Id, CallKind Kind, string TitleNl, string TitleEn, decimal BudgetEur, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, CallStatus Status, long Version)
{
    public static CallDto From(Call c) => new(c.Id, c.Kind, c.TitleNl, c.TitleEn, c.BudgetEur, c.OpensAt, c.ClosesAt, c.Status, c.Version);

    public static readonly CallDto Example = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a9001"), CallKind.SpearheadCluster, "Oproep speerpuntclusters 2026",
        "Call for spearhead clusters 2026", 12_000_000m, new(2026, 2, 1, 9, 0, 0, TimeSpan.FromHours(1)), new(2026, 4, 30, 17, 0, 0, TimeSpan.FromHours(2)), CallStatus.Published, 3);
}

public sealed record ApplicationDto(Guid Id, Guid CallId, string Reference, string ApplicantName, string ApplicantEnterpriseNumber, ApplicationStatus Status,
    decimal RequestedEur, DateTimeOffset? SubmittedAt, ApplicationOutcome? Outcome, string? Conditions, long Version)
{
    public static readonly ApplicationDto Example = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a9101"), CallDto.Example.Id, "SPC-2026-001", "Voorbeeldcluster vzw",
        "0403170701", ApplicationStatus.UnderReview, 1_500_000m, new(2026, 4, 29, 15, 12, 0, TimeSpan.FromHours(2)), null, null, 6);
}

/// <summary>The reasons that go with a step (required for ineligible: one per line, as on the application's page).</summary>
public sealed record StepReasonRequest([property: Display(Name = "Applications.IneligibleReasons"), StringLength(4000, ErrorMessage = "Validation.MaxLength")] string? Reason);

/// <summary>The decision on an application under review, as the decision form takes it.</summary>
public sealed record DecideApplicationRequest(ApplicationOutcome Outcome,
    [property: StringLength(4000, ErrorMessage = "Validation.MaxLength")] string? Conditions,
    [property: StringLength(8000, ErrorMessage = "Validation.MaxLength")] string? Motivation);

/// <summary>
/// /api/v1/calls and /api/v1/applications: calls and the applications submitted to them, for agency staff (policy
/// AgencyStaff, as the /Calls folder), read through the same use cases as the pages (which never show a draft to the agency).
/// </summary>
public static class CallsApi
{
    /// <summary>A call's applications are read with its details (<see cref="GetCallDetails"/>): sorted in memory, by numbers only.</summary>
    private static readonly ApiSort<ApplicationRow> ApplicationSort = new ApiSort<ApplicationRow>().By("requestedEur", a => a.RequestedEur);

    public static void MapCallsApi(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/calls").WithTags("Calls").RequireAuthorization(Policies.AgencyStaff).ForApiArea(ApiArea.Calls);

        calls.MapGet("/", async (CallKind? kind, CallStatus? status, [AsParameters] ListWindow window, ListCallsByCursor list, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(http.Linked(await list.HandleAsync(kind, status, window, ct))))
            .WithName("ListCalls")
            .WithSort(ListCallsByCursor.Sort)
            .WithSummary("Calls for spearhead clusters, business networks and thematic projects, filtered by kind and status; cursor-paged.")
            .WithExample(ApiExamples.List(CallDto.Example));

        calls.MapGet("/{id:guid}", async Task<Results<Ok<CallDto>, NotFound>> (Guid id, GetCall getCall, HttpContext http, CancellationToken ct) =>
                await getCall.HandleAsync(id, ct) is { } call ? http.Tagged(CallDto.From(call), call.Version) : TypedResults.NotFound())
            .WithName("GetCall")
            .WithSummary("One call with its budget and its opening and closing moment; its version is the ETag.")
            .WithExample(CallDto.Example);

        calls.MapGet("/{id:guid}/applications", async Task<Results<Ok<ApiList<ApplicationRow>>, NotFound>> (Guid id, [AsParameters] ListWindow window, GetCallDetails getCall,
                HttpContext http, CancellationToken ct) =>
                await getCall.HandleAsync(id, ct) is { } details
                    ? TypedResults.Ok(http.Linked(details.Applications.ToApiList(ApplicationSort, window)))
                    : TypedResults.NotFound())
            .WithName("ListCallApplications")
            .WithSort(ApplicationSort)
            .WithSummary("The applications submitted to a call (never a draft), in their order of arrival unless sorted otherwise, with their panel's progress; cursor-paged.")
            .WithExample(new ApiList<ApplicationRow>([new(ApplicationDto.Example.Id, "SPC-2026-001", "Voorbeeldcluster vzw", ApplicationStatus.UnderReview, 1_500_000m,
                ApplicationDto.Example.SubmittedAt, 3, 3, 0, null)], null));

        var applications = api.MapGroup("/applications").WithTags("Calls").RequireAuthorization(Policies.AgencyStaff).ForApiArea(ApiArea.Calls);
        applications.MapGet("/{id:guid}", async Task<Results<Ok<ApplicationDto>, NotFound>> (Guid id, GetAgencyApplication getApplication, HttpContext http, CancellationToken ct) =>
            {
                if (await getApplication.HandleAsync(id, ct) is not { } view) return TypedResults.NotFound();
                var a = view.Application;
                return http.Tagged(new ApplicationDto(a.Id, a.CallId, a.Reference, a.ApplicantName, a.ApplicantEnterpriseNumber, a.Status, a.RequestedAidEur, a.SubmittedAt,
                    a.Outcome, a.Conditions, a.Version), a.Version);
            })
            .WithName("GetApplication")
            .WithSummary("One submitted application as the agency's page shows it; its version is the ETag.")
            .WithExample(ApplicationDto.Example);

        // The agency's steps of the application's table, each its own action through the page's use case; the
        // decision has a form of its own (outcome, conditions, motivation), as on the page.
        foreach (var step in ApplicationLifecycle.Rules.Steps.Where(x => x.AllowedFor(Actor.Agency) && x.Name != ApplicationLifecycle.Decide).Select(x => x.Name).Distinct())
        {
            applications.MapPost($"/{{id:guid}}/{ApiExamples.Segment(step)}", async Task<IResult> (Guid id, IfMatch? ifMatch, StepReasonRequest? body, TakeApplicationStep takeStep,
                    IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                    (await takeStep.HandleAsync(id, ifMatch!.Version, step, body?.Reason, ct)).ToApiResult(text, http))
                .WithName("Application" + step)
                .WithSummary($"The application's step '{step}' as the agency's application page takes it; If-Match with its ETag, 409 when its status does not allow the step.")
                .WithExample(ApiExamples.Changed, new StepReasonRequest(step == ApplicationLifecycle.MarkIneligible ? "Geen cofinanciering van minstens 50%." : null))
                .ProducesProblem(StatusCodes.Status409Conflict);
        }
        applications.MapPost("/{id:guid}/decide", async Task<IResult> (Guid id, IfMatch? ifMatch, DecideApplicationRequest body, DecideApplication decide,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                (await decide.HandleAsync(id, ifMatch!.Version, body.Outcome, body.Conditions, body.Motivation, ct)).ToApiResult(text, http))
            .WithName("DecideApplication")
            .WithSummary("Decide an application under review (granted, granted with conditions, refused) with its motivation, as the decision form does.")
            .WithExample(ApiExamples.Changed, new DecideApplicationRequest(ApplicationOutcome.Granted, null, "Sterk voorstel; het panel scoort het als eerste."))
            .ProducesProblem(StatusCodes.Status409Conflict);

        calls.MapCallChanges(applications);
    }
}
