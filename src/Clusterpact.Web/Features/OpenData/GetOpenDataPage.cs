namespace Clusterpact.Web.Features.OpenData;

/// <summary>What the public open-data page shows: a page of awards, the years to filter on and, for the agency, what was left out.</summary>
/// <param name="Refused">Refusals by rule code, most frequent first; empty unless asked for.</param>
public sealed record OpenDataPage(Paged<AidAward> Result, IReadOnlyList<int> Years, IReadOnlyList<RuleRefusals> Refused, int BelowThreshold);

/// <summary>The open-data page in one handler: the awards are derived once for the list, the year filter and the refusals.</summary>
public sealed class GetOpenDataPage(PublishedAwards awards) : IUseCase
{
    public async Task<OpenDataPage> HandleAsync(AwardQuery query, PageRequest page, bool withRefused, CancellationToken ct)
    {
        var (set, listed) = await awards.ListAsync(query, ct);
        return new OpenDataPage(listed.ToPage(page), set.Years, withRefused ? set.RefusedByRule : [], withRefused ? set.BelowThreshold : 0);
    }
}
