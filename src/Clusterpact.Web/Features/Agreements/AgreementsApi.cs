using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Agreements;

public sealed record AgreementTermDto(DateOnly Start, DateOnly End, AgreementTermKind Kind, string DecisionReference);

/// <summary>A support agreement as the API shows it: its terms and the end after amendments; <c>version</c> is also its ETag.</summary>
public sealed record AgreementDto(Guid Id, Guid ClusterId, ClusterType ClusterType, DateOnly Start, DateOnly End, IReadOnlyList<AgreementTermDto> Terms, long Version)
{
    public static AgreementDto From(SupportAgreement a) =>
        new(a.Id, a.ClusterId, a.ClusterType, a.Start, a.End, a.Terms.Select(t => new AgreementTermDto(t.Start, t.End, t.Kind, t.DecisionReference)).ToList(), a.Version);

    public static readonly AgreementDto Example = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a5d01"), Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"),
        ClusterType.SpearheadCluster, new(2024, 1, 1), new(2026, 12, 31), [new(new(2024, 1, 1), new(2026, 12, 31), AgreementTermKind.Initial, "BVR 2023/1234")], 3);
}

/// <summary>A working year of an agreement: its budget in EUR and whether a lapse was decided.</summary>
public sealed record WorkingYearDto(Guid Id, Guid AgreementId, Guid ClusterId, int YearIndex, DateOnly YearStart, decimal GrantedAid, decimal PlannedCofinancing,
    decimal AnimationCosts, decimal MarketingCosts, decimal FacilityCosts, decimal TrainingCosts, bool LapseDecided, long Version)
{
    public static WorkingYearDto From(AgreementYear y, Guid clusterId) => new(y.Id, y.AgreementId, clusterId, y.YearIndex, y.YearStart, y.GrantedAid, y.PlannedCofinancing,
        y.AnimationCosts, y.MarketingCosts, y.FacilityCosts, y.TrainingCosts, y.LapseDecided, y.Version);

    public static readonly WorkingYearDto Example = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a5e01"), AgreementDto.Example.Id, AgreementDto.Example.ClusterId,
        1, new(2024, 1, 1), 500_000m, 500_000m, 400_000m, 200_000m, 250_000m, 150_000m, false, 2);
}

/// <summary>An aid payment (a tranche of a working year's aid): what the financial system pulls once it is approved.</summary>
public sealed record PaymentDto(Guid Id, Guid AgreementId, Guid ClusterId, int YearIndex, decimal AmountEur, PaymentStatus Status, DateOnly RequestedOn, DateOnly? PaidOn, long Version)
{
    public static PaymentDto From(AidPayment p, Guid clusterId) => new(p.Id, p.AgreementId, clusterId, p.YearIndex, p.AmountEur, p.Status, p.RequestedOn, p.PaidOn, p.Version);

    public static readonly PaymentDto Example = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a5f01"), AgreementDto.Example.Id, AgreementDto.Example.ClusterId,
        1, 125_000m, PaymentStatus.Approved, new(2024, 3, 15), null, 2);
}

/// <summary>A new support agreement as the agency's form takes it (the funding rules in force decide its length).</summary>
public sealed record CreateAgreementRequest(
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.Cluster")] Guid? ClusterId,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Clusters.Start")] DateOnly? Start,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Clusters.End")] DateOnly? End,
    [property: Required(ErrorMessage = "Validation.Required"), StringLength(SupportAgreement.DecisionReferenceMaxLength, ErrorMessage = "Validation.MaxLength"),
        Display(Name = "Agreements.Decision")] string? DecisionReference);

/// <summary>An extension as the extension form takes it: the new end and the decided interim evaluation it rests on.</summary>
public sealed record ExtendAgreementRequest(
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Agreements.NewEnd")] DateOnly? End,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Agreements.Evaluation")] Guid? EvaluationId,
    [property: Required(ErrorMessage = "Validation.Required"), StringLength(SupportAgreement.DecisionReferenceMaxLength, ErrorMessage = "Validation.MaxLength"),
        Display(Name = "Agreements.Decision")] string? DecisionReference);

/// <summary>An early end as the shorten form takes it: the new end and the reason (with its decision).</summary>
public sealed record ShortenAgreementRequest(
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Agreements.NewEnd")] DateOnly? End,
    [property: Required(ErrorMessage = "Validation.Required"), StringLength(SupportAgreement.ReasonMaxLength, ErrorMessage = "Validation.MaxLength"),
        Display(Name = "Agreements.Reason")] string? Reason);

/// <summary>A working year of an agreement as the budget page's form plans it: aid, planned cofinancing and the costs per category (none: 0).</summary>
public sealed record PlanWorkingYearRequest(
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Agreements.Agreement")] Guid? AgreementId,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.YearStart")] DateOnly? YearStart,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.GrantedAid")] decimal? GrantedAid,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.PlannedCofinancing")] decimal? PlannedCofinancing,
    decimal? AnimationCosts, decimal? MarketingCosts, decimal? FacilityCosts, decimal? TrainingCosts);

/// <summary>Cofinancing the members paid in for a working year, as the budget page records it.</summary>
public sealed record RecordCofinancingRequest(
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.PaidOn")] DateOnly? PaidOn,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.Amount")] decimal? Amount,
    [property: StringLength(CofinancingPaymentRecord.ReferenceMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Budget.Reference")] string? Reference);

/// <summary>The decision that a working year's aid lapses because the deposit rule was not met, with its note, as the budget page takes it.</summary>
public sealed record DecideLapseRequest(
    [property: Required(ErrorMessage = "Validation.Required"), StringLength(AgreementYear.LapseNoteMaxLength, ErrorMessage = "Validation.MaxLength"),
        Display(Name = "Budget.LapseNote")] string? Note);

/// <summary>A tranche of a working year's aid requested for payment, as the budget page takes it.</summary>
public sealed record RequestPaymentRequest(
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.Year")] Guid? WorkingYearId,
    [property: Required(ErrorMessage = "Validation.Required"), Display(Name = "Budget.Amount")] decimal? AmountEur);

/// <summary>
/// /api/v1/agreements, /working-years and /payments: the support agreements, their working years and payments, read and
/// changed through the pages' use cases (<see cref="CreateAgreement"/>, <see cref="ExtendAgreement"/>, <see cref="ShortenAgreement"/>,
/// <see cref="PlanWorkingYear"/>, <see cref="RecordCofinancing"/>, <see cref="TakePaymentStep"/>) and the payment's table, scoped by
/// <see cref="Scope.Agreements"/> like the /Agreements pages (policy ClusterData; the agency's forms AgencyStaff, as their pages).
/// Every change is audited with the person or machine client that made it and raises <c>agreement.changed</c> for webhooks.
/// </summary>
public static class AgreementsApi
{
    /// <summary>An agreement's start and end are its terms' (no column to sort by): the order they were made in.</summary>
    private static readonly ApiSort<SupportAgreement> AgreementSort = new();

    public static void MapAgreementsApi(this RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/agreements").WithTags("Agreements").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Agreements);
        agreements.MapGet("/", async (Guid? cluster, [AsParameters] ListWindow window, Scope scope, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await scope.Agreements().Where(a => cluster == null || a.ClusterId == cluster)
                    .ToApiListAsync(AgreementSort, window, http, (rows, _) => Task.FromResult<IReadOnlyList<AgreementDto>>(rows.Select(AgreementDto.From).ToList()), ct)))
            .WithName("ListAgreements")
            .WithSort(AgreementSort)
            .WithSummary("Support agreements of the clusters the caller sees (a cluster manager: their own), optionally of one cluster; cursor-paged.")
            .WithExample(ApiExamples.List(AgreementDto.Example));

        agreements.MapGet("/{id:guid}", async Task<Results<Ok<AgreementDto>, NotFound>> (Guid id, Scope scope, HttpContext http, CancellationToken ct) =>
                await scope.Agreements().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a ? http.Tagged(AgreementDto.From(a), a.Version) : TypedResults.NotFound())
            .WithName("GetAgreement")
            .WithSummary("One support agreement with its terms; its version is the ETag. 404 when it is not the caller's.")
            .WithExample(AgreementDto.Example);

        agreements.MapPost("/", async Task<IResult> (CreateAgreementRequest body, CreateAgreement create, Scope scope, IStringLocalizer<SharedResource> text, HttpContext http,
                CancellationToken ct) =>
            {
                var outcome = await create.HandleAsync(new CreateAgreementCommand(body.ClusterId!.Value, body.Start!.Value, body.End!.Value, body.DecisionReference!), ct);
                if (outcome is not { Status: CommandStatus.Ok, CreatedId: { } id }) return outcome.ToApiResult(text, http);
                var created = await scope.Agreements().AsNoTracking().SingleAsync(a => a.Id == id, ct);
                return http.CreatedTagged($"/api/v1/agreements/{id}", AgreementDto.From(created), created.Version);
            })
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("CreateAgreement")
            .WithSummary("Make a support agreement for a cluster, as the agency's new-agreement form does (agency staff): refused with the rule's reason when it is " +
                         "longer than a term, overlaps another of the cluster's agreements or crosses the 10-year limit of operating aid.")
            .WithExample(AgreementDto.Example with { Version = 0 }, new CreateAgreementRequest(AgreementDto.Example.ClusterId, new(2024, 1, 1), new(2026, 12, 31), "BVR 2023/1234"))
            .Produces(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);

        agreements.MapPost("/{id:guid}/extend", async Task<IResult> (Guid id, IfMatch? ifMatch, ExtendAgreementRequest body, Scope scope, ExtendAgreement extend,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                await ClusterOfAsync(scope, id, ct) is { } cluster
                    ? (await extend.HandleAsync(new ExtendAgreementCommand(cluster, id, ifMatch!.Version, body.End!.Value, body.EvaluationId!.Value, body.DecisionReference!), ct))
                        .ToApiResult(text, http)
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("ExtendAgreement")
            .WithSummary("Extend an agreement by a term right after its end, resting on a decided interim evaluation of its cluster that advised extending, as the " +
                         "extension form does (agency staff). Refused with the rule's reason (no such evaluation, a decision to stop, the 10-year limit); If-Match: its ETag.")
            .WithExample(ApiExamples.Changed, new ExtendAgreementRequest(new(2029, 12, 31), Evaluations.EvaluationDto.Example.Id, "BVR 2026/0456"))
            .ProducesProblem(StatusCodes.Status409Conflict);

        agreements.MapPost("/{id:guid}/shorten", async Task<IResult> (Guid id, IfMatch? ifMatch, ShortenAgreementRequest body, Scope scope, ShortenAgreement shorten,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                await ClusterOfAsync(scope, id, ct) is { } cluster
                    ? (await shorten.HandleAsync(new ShortenAgreementCommand(cluster, id, ifMatch!.Version, body.End!.Value, body.Reason!), ct)).ToApiResult(text, http)
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("ShortenAgreement")
            .WithSummary("End an agreement early (or shorten it) with the reason, as the shorten form does (agency staff); the decided terms stay in its history. If-Match: its ETag.")
            .WithExample(ApiExamples.Changed, new ShortenAgreementRequest(new(2027, 6, 30), "Fusie met een andere cluster, beslissing HF-2026-12"));

        var years = api.MapGroup("/working-years").WithTags("Agreements").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Agreements);
        years.MapGet("/", async (Guid? agreement, Guid? cluster, [AsParameters] ListWindow window, ListWorkingYears list, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(http.Linked(await list.HandleAsync(new WorkingYearFilter(agreement, cluster), window, ct))))
            .WithName("ListWorkingYears")
            .WithSort(ListWorkingYears.Sort)
            .WithSummary("Working years (yearly budgets) of the agreements the caller sees, optionally of one agreement or cluster; cursor-paged.")
            .WithExample(ApiExamples.List(WorkingYearDto.Example));

        years.MapGet("/{id:guid}", async Task<Results<Ok<WorkingYearDto>, NotFound>> (Guid id, GetWorkingYear get, HttpContext http, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } found ? http.Tagged(WorkingYearDto.From(found.Year, found.ClusterId), found.Year.Version) : TypedResults.NotFound())
            .WithName("GetWorkingYear")
            .WithSummary("One working year with its budget; its version is the ETag. 404 when it is not the caller's.")
            .WithExample(WorkingYearDto.Example);

        years.MapPost("/", async Task<IResult> (PlanWorkingYearRequest body, Scope scope, PlanWorkingYear plan, GetWorkingYear get,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
            {
                if (await ClusterOfAsync(scope, body.AgreementId!.Value, ct) is not { } cluster) return TypedResults.NotFound();
                var outcome = await plan.HandleAsync(new PlanWorkingYearCommand(cluster, body.AgreementId.Value, body.YearStart!.Value, body.GrantedAid!.Value, body.PlannedCofinancing!.Value,
                    body.AnimationCosts ?? 0, body.MarketingCosts ?? 0, body.FacilityCosts ?? 0, body.TrainingCosts ?? 0), ct);
                if (outcome is not { Status: CommandStatus.Ok, CreatedId: { } year }) return outcome.ToApiResult(text, http);
                var planned = (await get.HandleAsync(year, ct))!;
                return http.CreatedTagged($"/api/v1/working-years/{year}", WorkingYearDto.From(planned.Year, planned.ClusterId), planned.Year.Version);
            })
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("PlanWorkingYear")
            .WithSummary("Plan a working year of an agreement, as the budget page does (agency staff): refused with the rule's reason when it falls outside the agreement, " +
                         "exists already, or its aid is above the yearly maximum or the aid intensity.")
            .WithExample(WorkingYearDto.Example with { Version = 0 }, new PlanWorkingYearRequest(AgreementDto.Example.Id, new(2024, 1, 1), 500_000m, 500_000m, 400_000m, 200_000m, 250_000m, 150_000m))
            .Produces(StatusCodes.Status201Created);

        years.MapPost("/{id:guid}/cofinancing", async Task<IResult> (Guid id, IfMatch? ifMatch, RecordCofinancingRequest body, GetWorkingYear get, RecordCofinancing record,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } found
                    ? (await record.HandleAsync(new RecordCofinancingCommand(found.ClusterId, found.Year.AgreementId, id, body.PaidOn!.Value, body.Amount!.Value, body.Reference,
                        ifMatch!.Version), ct)).ToApiResult(text, http)
                    : TypedResults.NotFound())
            .WithName("RecordCofinancing")
            .WithSummary("Record cofinancing the members paid in for a working year, as the budget page does (agency staff, or the cluster's manager); the deposit rule " +
                         "counts it. If-Match: the working year's ETag.")
            .WithExample(ApiExamples.Changed, new RecordCofinancingRequest(new(2024, 3, 1), 250_000m, "Storting leden 2024"));

        years.MapPost("/{id:guid}/lapse", async Task<IResult> (Guid id, IfMatch? ifMatch, DecideLapseRequest body, GetWorkingYear get, DecideLapse decide,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } found
                    ? (await decide.HandleAsync(found.ClusterId, found.Year.AgreementId, id, body.Note!, ifMatch!.Version, ct)).ToApiResult(text, http)
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("DecideLapse")
            .WithSummary("Decide that a working year's aid lapses because the deposit rule was not met, with a note, as the budget page does (agency staff); refused " +
                         "with the rule's reason when the deposit is neither late nor paid late, or without a note. If-Match: the working year's ETag.")
            .WithExample(ApiExamples.Changed, new DecideLapseRequest("Geen 80% van de cofinanciering gestort binnen 3 maanden; beslissing HF-2026-07."))
            .ProducesProblem(StatusCodes.Status409Conflict);

        var payments = api.MapGroup("/payments").WithTags("Agreements").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Payments);
        payments.MapGet("/", async (PaymentStatus? status, Guid? agreement, Guid? cluster, [AsParameters] ListWindow window, ListPayments list, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(http.Linked(await list.HandleAsync(new PaymentFilter(status, agreement, cluster), window, ct))))
            .WithName("ListPayments")
            .WithSort(ListPayments.Sort)
            .WithSummary("Aid payments of the agreements the caller sees, oldest first; status=Approved is the financial system's pull. Cursor-paged.")
            .WithExample(ApiExamples.List(PaymentDto.Example));

        payments.MapGet("/{id:guid}", async Task<Results<Ok<PaymentDto>, NotFound>> (Guid id, GetPayment get, HttpContext http, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } found ? http.Tagged(PaymentDto.From(found.Payment, found.ClusterId), found.Payment.Version) : TypedResults.NotFound())
            .WithName("GetPayment")
            .WithSummary("One aid payment; its version is the ETag to send as If-Match with a step. 404 when it is not the caller's.")
            .WithExample(PaymentDto.Example);

        payments.MapPost("/", async Task<IResult> (RequestPaymentRequest body, GetWorkingYear getYear, GetPayment getPayment, RequestPayment request,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
            {
                if (await getYear.HandleAsync(body.WorkingYearId!.Value, ct) is not { } year) return TypedResults.NotFound();
                var outcome = await request.HandleAsync(year.ClusterId, year.Year.AgreementId, year.Year.Id, body.AmountEur!.Value, ct);
                if (outcome is not { Status: CommandStatus.Ok, CreatedId: { } id }) return outcome.ToApiResult(text, http);
                var requested = (await getPayment.HandleAsync(id, ct))!;
                return http.CreatedTagged($"/api/v1/payments/{id}", PaymentDto.From(requested.Payment, requested.ClusterId), requested.Payment.Version);
            })
            .RequireAuthorization(Policies.AgencyStaff)
            .WithName("RequestPayment")
            .WithSummary("Request a tranche of a working year's aid, as the budget page does (agency staff); another person approves it (four-eyes). Refused with " +
                         "the rule's reason when it is not positive or goes above the year's granted aid; 409 when another request for the same year was saved at the same moment.")
            .WithExample(PaymentDto.Example with { Status = PaymentStatus.Requested, Version = 0 }, new RequestPaymentRequest(WorkingYearDto.Example.Id, 125_000m))
            .Produces(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);

        // One action per step of the payment's table (decision 0009): approve, reject, mark-paid.
        foreach (var step in AidPayment.Lifecycle.StepNames)
        {
            payments.MapPost($"/{{id:guid}}/{ApiExamples.Segment(step)}", async Task<IResult> (Guid id, IfMatch? ifMatch, GetPayment get, TakePaymentStep takePaymentStep,
                    IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                {
                    if (await get.HandleAsync(id, ct) is not { } found) return TypedResults.NotFound();
                    var outcome = await takePaymentStep.HandleAsync(found.ClusterId, found.Payment.AgreementId, id, ifMatch!.Version, step, ct);
                    return outcome.ToApiResult(text, http);
                })
                .WithName("Payment" + step)
                .WithSummary($"The payment's step '{step}' as the budget page takes it (agency staff; four-eyes: not the person who requested it). " +
                             "Send the ETag you read as If-Match: 412 when the payment changed since, 409 when its status does not allow the step.")
                .WithExample(ApiExamples.Changed)
                .ProducesProblem(StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The cluster of an agreement the caller sees; null (so 404) when it is not theirs.</summary>
    private static Task<Guid?> ClusterOfAsync(Scope scope, Guid agreementId, CancellationToken ct) =>
        scope.Agreements().Where(a => a.Id == agreementId).Select(a => (Guid?)a.ClusterId).SingleOrDefaultAsync(ct);
}
