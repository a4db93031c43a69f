using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Calls;

/// <summary>A call's terms as the agency's call form takes them; criteria and documents are rows (a draft may have none yet).</summary>
public sealed record CallTermsRequest(CallKind Kind,
    [property: Required(ErrorMessage = "Validation.Required"), StringLength(Call.TitleMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Calls.TitleNl")] string? TitleNl,
    [property: Required(ErrorMessage = "Validation.Required"), StringLength(Call.TitleMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Calls.TitleEn")] string? TitleEn,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Calls.Budget")] decimal? BudgetEur,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Calls.Opens")] DateTime? OpensLocal,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Calls.Closes")] DateTime? ClosesLocal,
    int ScaleMin, int ScaleMax, bool HideApplicant, IReadOnlyList<CallCriterion>? Criteria, IReadOnlyList<RequiredDocument>? Documents)
{
    public CallTerms ToTerms() => new(Kind, TitleNl!, TitleEn!, BudgetEur!.Value, OpensLocal!.Value, ClosesLocal!.Value, ScaleMin, ScaleMax, HideApplicant, Criteria ?? [], Documents ?? []);

    public static readonly CallTermsRequest Example = new(CallKind.SpearheadCluster, "Oproep speerpuntclusters 2026", "Call for spearhead clusters 2026", 12_000_000m,
        new(2026, 2, 1, 9, 0, 0), new(2026, 4, 30, 17, 0, 0), 0, 10, false,
        [new("IMPACT", "Impact op de leden", "Impact on the members", 60), new("PLAN", "Kwaliteit van het plan", "Quality of the plan", 40)],
        [new("BUSINESSPLAN", "Ondernemingsplan", "Business plan")]);
}

/// <summary>A call's ranking as the decision committee reads it: empty (and no totals) while it cannot be ranked.</summary>
public sealed record CallRankingDto(Guid CallId, decimal BudgetEur, decimal? FundableTotalEur, decimal? MaxSpread, IReadOnlyList<RankedApplication> Applications)
{
    public static CallRankingDto From(CallRankingView view) =>
        new(view.Call.Id, view.Call.BudgetEur, view.Result?.FundableTotalEur, view.Result?.MaxSpread, view.Result?.Applications ?? []);

    public static readonly CallRankingDto Example = new(CallDto.Example.Id, 12_000_000m, 1_500_000m, 2m,
        [new(ApplicationDto.Example.Id, "Voorbeeldcluster vzw", 1_500_000m, 1, 78.5m, [new("IMPACT", 60, 3, 8m, 8m, 8m, 2m, 48m), new("PLAN", 40, 3, 7.5m, null, 7.5m, 1m, 30m)],
            2m, false, [], true, 1_500_000m, false)]);
}

/// <summary>One expert of an application's panel as the agency's application page lists them, with how far they scored.</summary>
public sealed record PanelMemberDto(Guid AssignmentId, Guid ExpertId, string ExpertName, ConflictDeclaration Declaration, bool LikelyConflict, int ScoredCriteria, long Version);

/// <summary>The panel of an application and its consensus; <c>consensusVersion</c> (0 while none is recorded, one more with every save) is also the ETag a consensus score sends as If-Match.</summary>
public sealed record PanelDto(Guid ApplicationId, IReadOnlyList<PanelMemberDto> Experts, IReadOnlyList<ConsensusScoreDto> Consensus, long ConsensusVersion)
{
    public static PanelDto From(AgencyApplicationView view) =>
        new(view.Application.Id, view.Panel.Select(p => new PanelMemberDto(p.Assignment.Id, p.Assignment.ExpertId, p.ExpertName, p.Assignment.Declaration,
                p.Assignment.DetectedConflicts.Count > 0, p.Assignment.Scores.Count, p.Assignment.Version)).ToList(),
            view.Consensus?.Scores.Select(s => new ConsensusScoreDto(s.CriterionCode, s.Value, s.Justification)).ToList() ?? [], RecordConsensus.PanelVersion(view.Consensus));

    public static readonly PanelDto Example = new(ApplicationDto.Example.Id,
        [new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a9201"), Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a9301"), "Dr. An Expert", ConflictDeclaration.NoConflict, false, 2, 3)],
        [new("IMPACT", 8m, "Het panel is het eens over de sterke impact op de leden.")], 2);
}

public sealed record ConsensusScoreDto(string Criterion, decimal Value, string Justification);

/// <summary>An expert to put on an application's panel.</summary>
public sealed record AssignExpertRequest([property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Applications.Expert")] Guid? ExpertId);

/// <summary>The panel's agreed score on one criterion, with its justification, as the consensus form takes it.</summary>
public sealed record ConsensusRequest(
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Calls.Criterion")] string? Criterion,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Calls.Score")] decimal? Value,
    [property: StringLength(Score.JustificationMaxLength, ErrorMessage = "Validation.MaxLength")] string? Justification);

/// <summary>
/// A support agreement made from a granted cluster application, as the application page's form takes it; without
/// <c>years</c> the plan's years as the form proposes them (each year's requested aid and cofinancing, its budget as animation).
/// </summary>
public sealed record AgreementFromApplicationRequest(
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Applications.AgreementStart")] DateOnly? Start,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Agreements.Decision")] string? DecisionReference,
    IReadOnlyList<AgreementYearLine>? Years);

/// <summary>The agreement an application became: where it is read (<c>Location</c>), its cluster, and the application's new version.</summary>
public sealed record AgreementMadeDto(Guid AgreementId, Guid ClusterId, long ApplicationVersion);

/// <summary>
/// The agency's changes to calls and to the panels of their applications through the API, each through the page's own
/// use case: a call created and revised (<see cref="CreateCall"/>, <see cref="ReviseCall"/>), published, closed and marked
/// decided (each its own action), its ranking, experts assigned and taken off, the consensus recorded, and a granted
/// application made into a support agreement. Policy AgencyStaff, as the /Calls folder.
/// </summary>
public static class CallChangesApi
{
    public static void MapCallChanges(this RouteGroupBuilder calls, RouteGroupBuilder applications)
    {
        calls.MapPost("/", async Task<IResult> (CallTermsRequest body, CreateCall create, GetCall get, IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await create.HandleAsync(body.ToTerms(), ct);
                if (outcome is not { Status: CommandStatus.Ok, CreatedId: { } id }) return outcome.ToApiResult(text, http);
                var created = (await get.HandleAsync(id, ct))!;
                return http.CreatedTagged($"/api/v1/calls/{id}", CallDto.From(created), created.Version);
            })
            .WithName("CreateCall")
            .WithSummary("Prepare a new call as a draft, as the agency's call form does: opening and closing in Brussels time (a time that does not exist or happens " +
                         "twice on a daylight-saving day is refused with the rule's reason), criteria and required documents.")
            .WithExample(CallDto.Example with { Status = CallStatus.Draft, Version = 0 }, CallTermsRequest.Example)
            .Produces(StatusCodes.Status201Created);

        calls.MapPost("/{id:guid}/revise", async Task<IResult> (Guid id, IfMatch? ifMatch, CallTermsRequest body, ReviseCall revise, IStringLocalizer<SharedResource> text,
                HttpContext http, CancellationToken ct) =>
                (await revise.HandleAsync(id, ifMatch!.Version, body.ToTerms(), ct)).ToApiResult(text, http))
            .WithName("ReviseCall")
            .WithSummary("Revise a draft call's terms, criteria and documents, as the call form does (the kind stays); refused once published. If-Match: its ETag.")
            .WithExample(ApiExamples.Changed, CallTermsRequest.Example);

        // The call's steps, each its own action through the page's use case; the call itself refuses a step its status does not allow.
        MapCallStep<PublishCall>(calls, "Publish", "Publish a draft call: refused with the rule's reason without criteria, with weights that do not add up to 100 or an " +
            "invalid scale. From then on it is on the public list.", (uc, id, version, ct) => uc.HandleAsync(id, version, ct));
        MapCallStep<CloseCall>(calls, "Close", "Close a published call once its closing moment has passed (refused while applicants may still submit).",
            (uc, id, version, ct) => uc.HandleAsync(id, version, ct));
        MapCallStep<MarkCallDecided>(calls, "MarkDecided", "Mark a closed call decided, once no application that went to review is left undecided.",
            (uc, id, version, ct) => uc.HandleAsync(id, version, ct));

        calls.MapGet("/{id:guid}/ranking", async Task<Results<Ok<CallRankingDto>, NotFound>> (Guid id, GetCallRanking getRanking, CancellationToken ct) =>
                await getRanking.HandleAsync(id, ct) is { } view ? TypedResults.Ok(CallRankingDto.From(view)) : TypedResults.NotFound())
            .WithName("GetCallRanking")
            .WithSummary("The ranking of a call's applications under review or decided, on the consensus where recorded and else the experts' mean, with the budget " +
                         "cut-off; as the ranking page shows it to the decision committee. 404 for a draft call.")
            .WithExample(CallRankingDto.Example);

        applications.MapGet("/{id:guid}/panel", (Guid id, GetAgencyApplication getApplication, HttpContext http, CancellationToken ct) => PanelAsync(getApplication, id, http, ct))
            .Produces<PanelDto>()
            .WithName("GetApplicationPanel")
            .WithSummary("The experts assigned to an application with their declaration and progress, and the consensus; the consensus version is the ETag.")
            .WithExample(PanelDto.Example);

        applications.MapPost("/{id:guid}/experts", async Task<IResult> (Guid id, IfMatch? ifMatch, AssignExpertRequest body, AssignExpert assign,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await assign.HandleAsync(id, body.ExpertId!.Value, ifMatch!.Version, ct);
                if (outcome is not { Status: CommandStatus.Ok, CreatedId: { } assignment }) return outcome.ToApiResult(text, http);
                http.Response.Headers.ETag = ApiConventions.ETagOf(outcome.NewVersion ?? 0);
                return TypedResults.Created($"/api/v1/applications/{id}/panel", new { id = assignment, version = outcome.NewVersion });
            })
            .WithName("AssignExpert")
            .WithSummary("Put an active external expert on a submitted application's panel, as the application page does; the register check flags a likely conflict " +
                         "(the expert's employer is the applicant or a committed member). If-Match: the application's ETag.")
            .WithExample(new { id = PanelDto.Example.Experts[0].AssignmentId, version = 0L }, new AssignExpertRequest(PanelDto.Example.Experts[0].ExpertId))
            .Produces(StatusCodes.Status201Created);

        applications.MapPost("/{id:guid}/experts/{assignmentId:guid}/unassign", async Task<IResult> (Guid id, Guid assignmentId, IfMatch? ifMatch, UnassignExpert unassign,
                GetAgencyApplication getApplication, IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await unassign.HandleAsync(id, assignmentId, ifMatch!.Version, ct);
                return outcome.Status == CommandStatus.Ok ? await PanelAsync(getApplication, id, http, ct) : outcome.ToApiResult(text, http);
            })
            .Produces<PanelDto>()
            .WithName("UnassignExpert")
            .WithSummary("Take an expert off an application's panel, only before they scored (refused with the rule's reason after), as the application page does; " +
                         "answers the panel as it is now. If-Match: the assignment's version.")
            .WithExample(PanelDto.Example);

        applications.MapPost("/{id:guid}/consensus", async Task<IResult> (Guid id, IfMatch? ifMatch, ConsensusRequest body, RecordConsensus record,
                GetAgencyApplication getApplication, IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await record.HandleAsync(id, body.Criterion!, body.Value!.Value, body.Justification, ifMatch!.Version, ct);
                return outcome.Status == CommandStatus.Ok ? await PanelAsync(getApplication, id, http, ct) : outcome.ToApiResult(text, http);
            })
            .Produces<PanelDto>()
            .WithName("RecordConsensus")
            .WithSummary("Record the panel's agreed score on one criterion with its justification, as the consensus form does; the first starts the consensus. " +
                         "Answers the panel with its new ETag. If-Match: the panel's ETag (\"0\" while no consensus is recorded).")
            .WithExample(PanelDto.Example, new ConsensusRequest("IMPACT", 8m, "Het panel is het eens over de sterke impact op de leden."));

        applications.MapPost("/{id:guid}/agreement", async Task<IResult> (Guid id, IfMatch? ifMatch, AgreementFromApplicationRequest body, GetAgencyApplication getApplication,
                MakeAgreementFromApplication make, IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
            {
                if (await getApplication.HandleAsync(id, ct) is not { } view) return TypedResults.NotFound();
                var years = body.Years ?? MakeAgreementFromApplication.Proposed(view.Application);
                var (outcome, clusterId) = await make.HandleAsync(new AgreementFromApplicationCommand(id, ifMatch!.Version, body.Start!.Value, body.DecisionReference!, years), ct);
                if (outcome.Status != CommandStatus.Ok || clusterId is not { } cluster) return outcome.ToApiResult(text, http);
                var agreement = (await getApplication.HandleAsync(id, ct))!.Application.AgreementId!.Value;
                http.Response.Headers.ETag = ApiConventions.ETagOf(outcome.NewVersion!.Value);
                return TypedResults.Created($"/api/v1/agreements/{agreement}", new AgreementMadeDto(agreement, cluster, outcome.NewVersion.Value));
            })
            .WithName("MakeAgreementFromApplication")
            .WithSummary("Make a granted cluster application into a support agreement, as the application page does: the cluster found by enterprise number or " +
                         "registered, the agreement over the plan's years and a working year per line, checked by the funding rules and saved together or not at all. " +
                         "If-Match: the application's ETag (the ETag answered is its new one).")
            .WithExample(new AgreementMadeDto(Agreements.AgreementDto.Example.Id, Agreements.AgreementDto.Example.ClusterId, 8),
                new AgreementFromApplicationRequest(new(2026, 7, 1), "BVR 2026/0789", [new(2026, 500_000m, 500_000m, 400_000m, 200_000m, 250_000m, 150_000m)]))
            .Produces(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The panel as it is now, with its ETag; 404 when the application is not the agency's to see.</summary>
    private static async Task<IResult> PanelAsync(GetAgencyApplication getApplication, Guid id, HttpContext http, CancellationToken ct) =>
        await getApplication.HandleAsync(id, ct) is { } view ? http.Tagged(PanelDto.From(view), RecordConsensus.PanelVersion(view.Consensus)) : TypedResults.NotFound();

    private static void MapCallStep<TUseCase>(RouteGroupBuilder calls, string step, string summary, Func<TUseCase, Guid, long, CancellationToken, Task<CommandOutcome>> take)
        where TUseCase : class, IUseCase =>
        calls.MapPost($"/{{id:guid}}/{ApiExamples.Segment(step)}", async Task<IResult> (Guid id, IfMatch? ifMatch, TUseCase useCase, IStringLocalizer<SharedResource> text,
                HttpContext http, CancellationToken ct) =>
                (await take(useCase, id, ifMatch!.Version, ct)).ToApiResult(text, http))
            .WithName(typeof(TUseCase).Name)
            .WithSummary(summary + " As the call's page does; If-Match: its ETag.")
            .WithExample(ApiExamples.Changed);
}
