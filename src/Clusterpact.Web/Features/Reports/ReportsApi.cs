using Clusterpact.Web.Features.Clusters;
using Clusterpact.Web.Features.Kpis;
using Clusterpact.Web.Infrastructure.Requests;
using Clusterpact.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterpact.Web.Features.Reports;

public sealed record ReportDto(Guid Id, Guid ClusterId, int Year, ReportStatus Status, DateOnly DueOn, long Version)
{
    public static ReportDto From(AnnualReport r) => new(r.Id, r.ClusterId, r.Year, r.Status, r.DueOn, r.Version);

    public static readonly ReportDto Example = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3a7001"), Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"), 2025,
        ReportStatus.Submitted, new(2026, 3, 31), 5);
}

public sealed record ReportedValueDto(string Code, decimal? Value, string? Comment, string? Evidence, string? Warning);

public sealed record ReportStepDto(ReportStatus From, ReportStatus To, DateTimeOffset At, string? Remark);

public sealed record ReportDetailsDto(Guid Id, Guid ClusterId, string ClusterName, int Year, ReportStatus Status, DateOnly DueOn, string? Narrative,
    IReadOnlyList<ReportedValueDto> Values, IReadOnlyList<ReportStepDto> Steps, long Version)
{
    public static ReportDetailsDto From(ReportView v) => new(v.Report.Id, v.Report.ClusterId, v.ClusterName, v.Report.Year, v.Report.Status, v.Report.DueOn,
        v.Report.Narrative, v.Report.Values.Select(x => new ReportedValueDto(x.KpiCode, x.Value, x.Comment, x.Evidence, x.Warning)).ToList(),
        v.Report.Steps.Select(s => new ReportStepDto(s.From, s.To, s.At, s.Remark)).ToList(), v.Report.Version);

    public static readonly ReportDetailsDto Example = new(ReportDto.Example.Id, ReportDto.Example.ClusterId, "Catalisti", 2025, ReportStatus.Submitted, new(2026, 3, 31),
        "Het werkingsjaar in het kort.", [new(KpiCatalogue.ExtraInvestments, 1_250_000m, "Uit de projectrapporten", "Bijlage 2", null)],
        [new(ReportStatus.Draft, ReportStatus.Submitted, new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero), null)], 5);
}

public sealed record StartReportRequest(Guid ClusterId, int Year);

public sealed record ReturnReportRequest([property: Display(Name = "Reports.Remark"), StringLength(AnnualReport.CommentMaxLength, ErrorMessage = "Validation.MaxLength")] string? Remark);

/// <summary>A reported KPI value as the annual report's form takes it: a share as a fraction (0.35 for 35%).</summary>
public sealed record KpiValueRequest(
    [property: Required(ErrorMessage = "Validation.Required"), StringLength(40, ErrorMessage = "Validation.MaxLength")] string Code,
    decimal? Value,
    [property: StringLength(AnnualReport.CommentMaxLength, ErrorMessage = "Validation.MaxLength")] string? Comment,
    [property: StringLength(AnnualReport.EvidenceMaxLength, ErrorMessage = "Validation.MaxLength")] string? Evidence);

/// <summary>A KPI of a cluster in one year: the value, the target and where the value comes from (computed, reported, accepted, survey).</summary>
public sealed record KpiValueDto(string Code, KpiSource Source, decimal? Actual, decimal? Target, decimal? Baseline, KpiValueOrigin Origin);

/// <summary>The KPIs of a cluster in a year and the annual report that holds the reported ones (its version is the ETag for writing them).</summary>
public sealed record ClusterYearKpisDto(Guid ClusterId, int Year, Guid? ReportId, ReportStatus? ReportStatus, IReadOnlyList<KpiValueDto> Values)
{
    public static readonly ClusterYearKpisDto Example = new(ReportDto.Example.ClusterId, 2025, ReportDto.Example.Id, Domain.Reports.ReportStatus.Draft,
        [new(KpiCatalogue.Members, KpiSource.Computed, 212m, 220m, 180m, KpiValueOrigin.Computed), new(KpiCatalogue.ExtraInvestments, KpiSource.Reported, 1_250_000m, null, null, KpiValueOrigin.Reported)]);
}

public sealed record KpiValuesSaved(long Version, IReadOnlyList<KpiWarning> Warnings);

public sealed record KpiWarning(string Code, string Warning, string Message);

/// <summary>
/// /api/v1/reports and /api/v1/clusters/{id}/kpis/{year}: annual reports and the reported KPI values in them, through the
/// report page's handlers (<see cref="SaveReport"/>: checked at entry; <see cref="TakeReportStep"/>: lifecycle table) and the KPI page's
/// (<see cref="GetClusterKpis"/>), scoped like the /Reports and /Kpis folders (policy ClusterData).
/// </summary>
public static class ReportsApi
{
    private static readonly ApiSort<AnnualReport> Sort = new ApiSort<AnnualReport>().By("year", r => r.Year).By("dueOn", r => r.DueOn);

    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Reports);

        reports.MapGet("/", async (Guid? cluster, int? year, ReportStatus? status, [AsParameters] ListWindow window, Scope scope, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await scope.Reports().Where(r => (cluster == null || r.ClusterId == cluster) && (year == null || r.Year == year) && (status == null || r.Status == status))
                    .ToApiListAsync(Sort, window, http, (rows, _) => Task.FromResult<IReadOnlyList<ReportDto>>(rows.Select(ReportDto.From).ToList()), ct)))
            .WithName("ListReports")
            .WithSort(Sort)
            .WithSummary("Annual reports of the clusters the caller sees, filtered by cluster, year and status; cursor-paged.")
            .WithExample(ApiExamples.List(ReportDto.Example));

        reports.MapGet("/{id:guid}", async Task<Results<Ok<ReportDetailsDto>, NotFound>> (Guid id, GetReport get, HttpContext http, CancellationToken ct) =>
                await get.HandleAsync(id, ct) is { } view ? http.Tagged(ReportDetailsDto.From(view), view.Report.Version) : TypedResults.NotFound())
            .WithName("GetReport")
            .WithSummary("One annual report with its values and its steps; its version is the ETag.")
            .WithExample(ReportDetailsDto.Example);

        reports.MapPost("/", async Task<IResult> (StartReportRequest body, StartReport start, GetReport get, IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await start.HandleAsync(new StartReportCommand(body.ClusterId, body.Year), ct);
                if (outcome is not { Status: CommandStatus.Ok, CreatedId: { } id }) return outcome.ToApiResult(text, http);
                var report = (await get.HandleAsync(id, ct))!;
                return http.Tagged(ReportDetailsDto.From(report), report.Report.Version);
            })
            .WithName("StartReport")
            .WithSummary("Start the annual report of a cluster's working year (or get the one already started), as the reports page does; the answer's ETag is what the first change sends.")
            .WithExample(ReportDetailsDto.Example, new StartReportRequest(ReportDto.Example.ClusterId, 2025));

        reports.MapPost("/{id:guid}/submit", async Task<IResult> (Guid id, IfMatch? ifMatch, SubmitReport submit, IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                (await submit.HandleAsync(id, ifMatch!.Version, ct)).ToApiResult(text, http))
            .WithName("SubmitReport")
            .WithSummary("Submit a draft or returned report (the cluster's manager or agency staff); refused with the rule's reason when a value or the narrative is missing.")
            .WithExample(ApiExamples.Changed)
            .ProducesProblem(StatusCodes.Status409Conflict);

        reports.MapPost("/{id:guid}/accept", async Task<IResult> (Guid id, IfMatch? ifMatch, TakeReportStep step, IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
                (await step.HandleAsync(new ReportStepCommand(id, ifMatch!.Version, ReportLifecycle.Accept, null), ct)).ToApiResult(text, http))
            .WithName("AcceptReport")
            .WithSummary("Accept a submitted report (agency staff): its values then count in the programme's figures.")
            .WithExample(ApiExamples.Changed)
            .ProducesProblem(StatusCodes.Status409Conflict);

        reports.MapPost("/{id:guid}/return", async Task<IResult> (Guid id, IfMatch? ifMatch, ReturnReportRequest body, TakeReportStep step, IStringLocalizer<SharedResource> text,
                HttpContext http, CancellationToken ct) =>
                (await step.HandleAsync(new ReportStepCommand(id, ifMatch!.Version, ReportLifecycle.Return, body.Remark), ct)).ToApiResult(text, http))
            .WithName("ReturnReport")
            .WithSummary("Return a submitted report with remarks (agency staff); the remark is required.")
            .WithExample(ApiExamples.Changed, new ReturnReportRequest("Licht de daling van de O&O-investeringen toe."))
            .ProducesProblem(StatusCodes.Status409Conflict);

        var kpis = api.MapGroup("/clusters/{id:guid}/kpis").WithTags("KPIs").RequireAuthorization(Policies.ClusterData).ForApiArea(ApiArea.Kpis);

        kpis.MapGet("/{year:int}", async Task<Results<Ok<ClusterYearKpisDto>, NotFound>> (Guid id, int year, GetClusterKpis get, Scope scope, HttpContext http, CancellationToken ct) =>
            {
                if (await get.HandleAsync(id, ct) is not { Values: var values }) return TypedResults.NotFound();
                var report = await scope.Reports().AsNoTracking().Where(r => r.ClusterId == id && r.Year == year).Select(r => new { r.Id, r.Status, r.Version }).SingleOrDefaultAsync(ct);
                var dto = new ClusterYearKpisDto(id, year, report?.Id, report?.Status, KpiCatalogue.All.Select(k => values[k.Code].FirstOrDefault(v => v.Year == year) is { } v
                    ? new KpiValueDto(k.Code, k.Source, v.Actual, v.Target, v.Baseline, v.Origin)
                    : new KpiValueDto(k.Code, k.Source, null, null, null, KpiValueOrigin.None)).ToList());
                return report is null ? TypedResults.Ok(dto) : http.Tagged(dto, report.Version);
            })
            .WithName("GetClusterKpis")
            .WithSummary("Every KPI of a cluster in a year, as the cluster's KPI page shows them; the ETag is the version of that year's annual report (none before it is started).")
            .WithExample(ClusterYearKpisDto.Example);

        kpis.MapPut("/{year:int}", async Task<IResult> (Guid id, int year, IfMatch? ifMatch, KpiValueRequest[] body, SaveReport save, Scope scope,
                IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken ct) =>
            {
                var report = await scope.Reports().AsNoTracking().Where(r => r.ClusterId == id && r.Year == year).Select(r => new { r.Id, r.Narrative }).SingleOrDefaultAsync(ct);
                if (report is null) return ApiConventions.Problem(text, StatusCodes.Status404NotFound, "Api.ReportNotStarted");
                var values = body.Select(v => new ValueInput(v.Code, v.Value, v.Comment, v.Evidence)).ToList();
                var (outcome, warnings) = await save.HandleAsync(new SaveReportCommand(report.Id, ifMatch!.Version, values, report.Narrative, []), ct);
                if (outcome.Status != CommandStatus.Ok) return outcome.ToApiResult(text, http);
                http.Response.Headers.ETag = ApiConventions.ETagOf(outcome.NewVersion!.Value);
                return TypedResults.Ok(new KpiValuesSaved(outcome.NewVersion.Value, warnings.Select(w => new KpiWarning(w.Code, w.Warning, text[w.Warning])).ToList()));
            })
            .WithName("SetClusterKpis")
            .WithSummary("Write reported KPI values of a cluster's year into its annual report (draft or returned), checked at entry as on the report page: " +
                         "a value out of range is refused (400, nothing saved), an implausible one saved with a warning the comment should explain. If-Match: the report's ETag.")
            .WithExample(new KpiValuesSaved(6, [new(KpiCatalogue.ExtraInvestments, "Kpi.MuchHigherThanLastYear", "Veel hoger dan vorig jaar: licht toe in de opmerking.")]),
                new[] { new KpiValueRequest(KpiCatalogue.ExtraInvestments, 1_250_000m, "Uit de projectrapporten", "Bijlage 2") });
    }
}
