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

/// <summary>
/// /api/v1/agreements, /working-years and /payments: the support agreements' reads and the payment's lifecycle steps,
/// through the budget page's use case (<see cref="TakePaymentStep"/>) and the payment's table, scoped by
/// <see cref="Scope.Agreements"/> like the /Agreements pages (policy ClusterData).
/// </summary>
public static class AgreementsApi
{
    public static void MapAgreementsApi(this RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/agreements").WithTags("Agreements").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Agreements);
        agreements.MapGet("/", async (Guid? cluster, [AsParameters] ListWindow window, Scope scope, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await scope.Agreements().Where(a => cluster == null || a.ClusterId == cluster)
                    .ToApiListAsync(window, http, (rows, _) => Task.FromResult<IReadOnlyList<AgreementDto>>(rows.Select(AgreementDto.From).ToList()), ct)))
            .WithName("ListAgreements")
            .WithSummary("Support agreements of the clusters the caller sees (a cluster manager: their own), optionally of one cluster; cursor-paged.")
            .WithExample(ApiExamples.List(AgreementDto.Example));

        agreements.MapGet("/{id:guid}", async Task<Results<Ok<AgreementDto>, NotFound>> (Guid id, Scope scope, HttpContext http, CancellationToken ct) =>
                await scope.Agreements().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a ? http.Tagged(AgreementDto.From(a), a.Version) : TypedResults.NotFound())
            .WithName("GetAgreement")
            .WithSummary("One support agreement with its terms; its version is the ETag. 404 when it is not the caller's.")
            .WithExample(AgreementDto.Example);

        var years = api.MapGroup("/working-years").WithTags("Agreements").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Agreements);
        years.MapGet("/", async (Guid? agreement, Guid? cluster, [AsParameters] ListWindow window, Scope scope, HttpContext http, CancellationToken ct) =>
            {
                var visible = scope.Agreements().Where(a => (agreement == null || a.Id == agreement) && (cluster == null || a.ClusterId == cluster));
                var db = http.RequestServices.GetRequiredService<ClusterpactDbContext>();
                return TypedResults.Ok(await db.AgreementYears.Where(y => visible.Any(a => a.Id == y.AgreementId))
                    .ToApiListAsync(window, http, async (rows, c) => Map(rows, r => r.AgreementId, await ClustersOfAsync(db, rows.Select(r => r.AgreementId), c), WorkingYearDto.From), ct));
            })
            .WithName("ListWorkingYears")
            .WithSummary("Working years (yearly budgets) of the agreements the caller sees, optionally of one agreement or cluster; cursor-paged.")
            .WithExample(ApiExamples.List(WorkingYearDto.Example));

        years.MapGet("/{id:guid}", async Task<Results<Ok<WorkingYearDto>, NotFound>> (Guid id, Scope scope, ClusterpactDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var year = await db.AgreementYears.AsNoTracking().SingleOrDefaultAsync(y => y.Id == id, ct);
                var cluster = year is null ? null : await scope.Agreements().Where(a => a.Id == year.AgreementId).Select(a => (Guid?)a.ClusterId).SingleOrDefaultAsync(ct);
                return year is not null && cluster is { } c ? http.Tagged(WorkingYearDto.From(year, c), year.Version) : TypedResults.NotFound();
            })
            .WithName("GetWorkingYear")
            .WithSummary("One working year with its budget; its version is the ETag. 404 when it is not the caller's.")
            .WithExample(WorkingYearDto.Example);

        var payments = api.MapGroup("/payments").WithTags("Agreements").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Payments);
        payments.MapGet("/", async (PaymentStatus? status, Guid? agreement, Guid? cluster, [AsParameters] ListWindow window, Scope scope, ClusterpactDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var visible = scope.Agreements().Where(a => (agreement == null || a.Id == agreement) && (cluster == null || a.ClusterId == cluster));
                return TypedResults.Ok(await db.AidPayments.Where(p => visible.Any(a => a.Id == p.AgreementId) && (status == null || p.Status == status))
                    .ToApiListAsync(window, http, async (rows, c) => Map(rows, r => r.AgreementId, await ClustersOfAsync(db, rows.Select(r => r.AgreementId), c), PaymentDto.From), ct));
            })
            .WithName("ListPayments")
            .WithSummary("Aid payments of the agreements the caller sees, oldest first; status=Approved is the financial system's pull. Cursor-paged.")
            .WithExample(ApiExamples.List(PaymentDto.Example));

        payments.MapGet("/{id:guid}", async Task<Results<Ok<PaymentDto>, NotFound>> (Guid id, Scope scope, ClusterpactDbContext db, HttpContext http, CancellationToken ct) =>
                await FindPaymentAsync(id, scope, db, ct) is { } found ? http.Tagged(PaymentDto.From(found.Payment, found.ClusterId), found.Payment.Version) : TypedResults.NotFound())
            .WithName("GetPayment")
            .WithSummary("One aid payment; its version is the ETag to send as If-Match with a step. 404 when it is not the caller's.")
            .WithExample(PaymentDto.Example);

        // One action per step of the payment's table (decision 0009): approve, reject, mark-paid.
        foreach (var step in AidPayment.Lifecycle.StepNames)
        {
            payments.MapPost($"/{{id:guid}}/{ApiExamples.Segment(step)}", async Task<IResult> (Guid id, IfMatch? ifMatch, Scope scope, ClusterpactDbContext db, TakePaymentStep takePaymentStep,
                    IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                {
                    if (await FindPaymentAsync(id, scope, db, ct) is not { } found) return TypedResults.NotFound();
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

    private static async Task<(AidPayment Payment, Guid ClusterId)?> FindPaymentAsync(Guid id, Scope scope, ClusterpactDbContext db, CancellationToken ct)
    {
        var payment = await db.AidPayments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (payment is null) return null;
        var cluster = await scope.Agreements().Where(a => a.Id == payment.AgreementId).Select(a => (Guid?)a.ClusterId).SingleOrDefaultAsync(ct);
        return cluster is { } c ? (payment, c) : null;
    }

    private static async Task<Dictionary<Guid, Guid>> ClustersOfAsync(ClusterpactDbContext db, IEnumerable<Guid> agreementIds, CancellationToken ct)
    {
        var ids = agreementIds.Distinct().ToList();
        return await db.SupportAgreements.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ClusterId, ct);
    }

    /// <summary>Rows with the cluster of their agreement (read in one query for the page).</summary>
    private static IReadOnlyList<TOut> Map<TRow, TOut>(IReadOnlyList<TRow> rows, Func<TRow, Guid> agreementOf, Dictionary<Guid, Guid> clusters, Func<TRow, Guid, TOut> map) =>
        rows.Select(r => map(r, clusters[agreementOf(r)])).ToList();
}
