using Clusterpact.Web.Infrastructure.ReadModels;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>What the agreements overview page shows: the clusters' rows for its query and the nearest deadlines.</summary>
public sealed record OverviewPageData(AgreementOverviewData Overview, DeadlineSummary Deadlines);

/// <summary>
/// The agreements overview page's two kept answers (GetAgreementOverview, ListDeadlines) kept together per query, so a
/// repeated request reads the stamps once, as the dashboard does (decision 0020); a cluster's manager computes their own.
/// </summary>
public sealed class GetOverviewPage(GetAgreementOverview overview, ListDeadlines deadlines, CurrentUser user, ReadModelStore readModels) : IUseCase
{
    public static readonly IReadOnlyList<ReadModelArea> Reads = [.. GetAgreementOverview.Reads.Union(ListDeadlines.Reads)];

    public async Task<OverviewPageData> HandleAsync(OverviewQuery q, CancellationToken ct)
    {
        if (!user.SharesKeptAnswers) return await ComputeAsync(q, ct);
        var view = await readModels.ViewAsync(ct);
        return await view.GetAsync(nameof(GetOverviewPage), q, Reads, (services, t) => services.GetRequiredService<GetOverviewPage>().ComputeAsync(q, t), p => p.Overview.Rows.Count + p.Deadlines.Nearest.Count + 1);
    }

    private async Task<OverviewPageData> ComputeAsync(OverviewQuery q, CancellationToken ct) =>
        new(await overview.HandleAsync(q, ct), await deadlines.SummaryAsync(ct));
}
