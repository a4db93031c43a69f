using Clusterpact.Web.Infrastructure.Requests;

namespace Clusterpact.Web.Features.Kpis;

/// <summary>A change of a target: from what to what, why, by whom and when (the first setting has no <c>from</c>).</summary>
public sealed record KpiTargetChangeDto(decimal? From, decimal To, string Reason, string By, DateTimeOffset At);

/// <summary>A cluster's target for a KPI and year with its baseline and history; <c>version</c> is also its ETag.</summary>
public sealed record KpiTargetDto(Guid Id, Guid ClusterId, string Code, int Year, decimal? Baseline, decimal Target, IReadOnlyList<KpiTargetChangeDto> Changes, long Version)
{
    public static KpiTargetDto From(KpiTarget t) =>
        new(t.Id, t.ClusterId, t.KpiCode, t.Year, t.Baseline, t.Target, t.Changes.Select(c => new KpiTargetChangeDto(c.From, c.To, c.Reason, c.By, c.At)).ToList(), t.Version);

    public static readonly KpiTargetDto Example = new(Guid.Parse("0193f0a2-1c2d-7e11-9a10-4c1f2b3ac001"), Guid.Parse("0193f0a0-0000-7000-8000-00000000c001"),
        KpiCatalogue.Members, 2026, 140m, 160m,
        [new(null, 150m, "", "officer@clusterpact.demo", new(2025, 12, 1, 9, 0, 0, TimeSpan.Zero)),
         new(150m, 160m, "Twee fusies van leden verwacht", "officer@clusterpact.demo", new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))], 1);
}

/// <summary>The KPI targets of a cluster the caller sees, optionally of one year: one cursor window for the API; null when the cluster is not theirs.</summary>
public sealed class ListKpiTargets(ClusterpactDbContext db, ClusterAccess access) : IUseCase
{
    /// <summary>The API's orders: by id (creation), year, KPI code or target.</summary>
    public static readonly ApiSort<KpiTarget> Sort = new ApiSort<KpiTarget>().By("year", t => t.Year).By("code", t => t.KpiCode).By("target", t => t.Target);

    public async Task<ApiList<KpiTargetDto>?> HandleAsync(Guid clusterId, int? year, ListWindow window, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(clusterId, ct)) return null;
        return await db.KpiTargets.Where(t => t.ClusterId == clusterId && (year == null || t.Year == year))
            .ToApiListAsync(Sort, window, db, (rows, _) => Task.FromResult<IReadOnlyList<KpiTargetDto>>(rows.Select(KpiTargetDto.From).ToList()), ct);
    }
}
