namespace Clusterpact.Web.Features.Surveys;

public sealed record SurveyResultsQuery(Guid SurveyId, Guid? Cluster, SizeClass? Size, bool SmeOnly, bool English);

/// <summary>A survey's results for a selection as the caller may see them: the page and the API read them here.</summary>
public sealed record SurveyResultsView(Survey Survey, IReadOnlyList<ClusterRate> Rates, bool SeesAll, Guid? Cluster, DisclosedResults? Disclosed)
{
    /// <summary>Nothing may be shown: too few answers, a selection that would give a small group away, or not the caller's cluster.</summary>
    public bool Hidden => Disclosed is not { Shown: true };
}

/// <summary>
/// The results of a survey for a cluster (a manager: their own, the first when none is chosen) and a size class, under
/// the five-answer rule of <see cref="SurveyDisclosure"/> (decision 0005); null when the survey is not the caller's.
/// </summary>
public sealed class GetSurveyResults(ClusterpactDbContext db, SurveyAccess access) : IUseCase
{
    public async Task<SurveyResultsView?> HandleAsync(SurveyResultsQuery q, CancellationToken ct)
    {
        var s = await access.FindAsync(q.SurveyId, ct);
        if (s is null) return null;
        var rates = await access.RatesAsync(q.SurveyId, ct);
        var seesAll = await access.SeesAllAsync();
        var cluster = !seesAll && q.Cluster is null && rates.Count > 0 ? rates[0].ClusterId : q.Cluster;
        var visible = await VisibleResponsesAsync(q.SurveyId, cluster, ct);
        var disclosed = visible is null ? null : SurveyDisclosure.Disclose(s, visible, SurveySelection.Of(cluster, q.Size, q.SmeOnly), seesAll, q.English);
        return new SurveyResultsView(s, rates, seesAll, cluster, disclosed);
    }

    /// <summary>
    /// The responses the caller may see results of: all for agency staff and readers; for a cluster manager those of
    /// the chosen cluster when it is theirs (null otherwise). What of them may be shown is <see cref="SurveyDisclosure"/>'s call.
    /// </summary>
    private async Task<IReadOnlyList<SurveyResponse>?> VisibleResponsesAsync(Guid surveyId, Guid? clusterId, CancellationToken ct)
    {
        var own = await access.OwnClustersAsync(ct);
        var query = db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId);
        if (own is not null)
        {
            if (clusterId is null || !own.Contains(clusterId.Value)) return null;
            query = query.Where(r => r.ClusterId == clusterId);
        }
        return await query.ToListAsync(ct);
    }
}
