using Clusterpact.Web.Features.Kpis;
using Clusterpact.Web.Infrastructure.Security;

namespace Clusterpact.Web.Features.AnswerPack;

public sealed record YearValue(int Year, decimal? Value);

public sealed record ProgrammeKpiDto(string Code, IReadOnlyList<YearValue> Values);

public sealed record ClusterKpisDto(Guid ClusterId, string Name, ClusterType Type, IReadOnlyDictionary<string, IReadOnlyList<KpiValue>> Values);

public sealed record GoalDto(string ClusterName, string Kpi, int Year, decimal Actual, decimal Target, bool Met);

/// <summary>The answer pack's figures for a day, as JSON: the same data as the page, its PDF and its workbook.</summary>
public sealed record AnswerPackDto(DateOnly On, IReadOnlyList<EvaluationAnswer> Evaluations, IReadOnlyList<int> KpiYears, IReadOnlyList<ProgrammeKpiDto> Programme,
    IReadOnlyList<ClusterKpisDto> ClusterKpis, IReadOnlyList<GoalDto> Goals, IReadOnlyList<LessonAnswer> Lessons, IReadOnlyList<PactAnswer> Pacts,
    IReadOnlyList<FundLine> Funds, IReadOnlyList<PendingReport> PendingReports)
{
    public static AnswerPackDto From(AnswerPackData d) => new(d.On, d.Evaluations, d.KpiYears,
        d.Programme.Select(p => new ProgrammeKpiDto(p.Key, p.Value.Select(v => new YearValue(v.Year, v.Value)).ToList())).ToList(),
        d.ClusterKpis.Select(c => new ClusterKpisDto(c.ClusterId, c.Name, c.Type, c.Values)).ToList(),
        d.Goals.Select(g => new GoalDto(g.ClusterName, g.Kpi.Code, g.Year, g.Actual, g.Target, g.Met)).ToList(), d.Lessons, d.Pacts, d.Funds, d.PendingReports);

    public static readonly AnswerPackDto Example = new(new(2026, 12, 4),
        [new("Tussentijdse evaluatie Catalisti 2025", EvaluationKind.Interim, "Catalisti", EvaluationStage.Decided, new(2025, 11, 14), null, null, false, EvaluationOutcome.Extend, new(2025, 11, 14), "Positief: verlengen.")],
        [2024, 2025], [new(KpiCatalogue.Members, [new(2024, 1830m), new(2025, 1912m)])],
        [new(Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"), "Catalisti", ClusterType.SpearheadCluster,
            new Dictionary<string, IReadOnlyList<KpiValue>> { [KpiCatalogue.Members] = [new(2025, 212m, 220m, 180m, KpiValueOrigin.Computed)] })],
        [new("Catalisti", KpiCatalogue.Members, 2025, 212m, 220m, false)],
        [new("Tussentijdse evaluatie Catalisti 2025", "Catalisti", "Weinig kmo's in projecten", "Kmo-loket opzetten", FollowUpStatus.InProgress, "Loket open sinds maart")],
        [new("Catalisti", 2, 2025, new(2025, 6, 30), 2026, 12, 7, 1, new(2027, 12, 31), new(2030, 12, 31), false)],
        [new(2026, FundLineKind.OperatingAid, "Catalisti", 500_000m)], []);
}

/// <summary>/api/v1/answer-pack: the minister's answer pack's figures for a day as JSON (policy ProgrammeView, as the /AnswerPack page).</summary>
public static class AnswerPackApi
{
    public static void MapAnswerPackApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/answer-pack").WithTags("Answer pack").RequireAuthorization(Policies.ProgrammeView).ForApiArea(ApiArea.Kpis);
        group.MapGet("/", async Task<IResult> (DateOnly? on, GetAnswerPack answerPack, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var day = on ?? answerPack.Today;
                if (day < GetAnswerPack.Earliest || day > answerPack.Today)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["on"] = [text["Answer.DateRange", Format.Date(GetAnswerPack.Earliest), Format.Date(answerPack.Today)]] },
                        title: text["Api.BadRequest"]);
                return TypedResults.Ok(AnswerPackDto.From(await answerPack.HandleAsync(day, ct)));
            })
            .WithName("GetAnswerPack")
            .WithSummary("The answers to the parliamentary question on the cluster pacts as they stood at the end of a day (on=yyyy-MM-dd, default today): evaluations, KPIs, goals, lessons, pacts and money planned.")
            .WithExample(AnswerPackDto.Example);
    }
}
