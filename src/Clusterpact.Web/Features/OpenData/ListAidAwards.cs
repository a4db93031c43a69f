namespace Clusterpact.Web.Features.OpenData;

/// <summary>The published awards, searched, filtered and sorted: a page for the API, or every row for a download.</summary>
public sealed class ListAidAwards(PublishedAwards awards) : IUseCase
{
    /// <summary>One page of the filtered, sorted awards; a page past the end gives the last one.</summary>
    public async Task<Paged<AidAward>> HandleAsync(AwardQuery query, PageRequest page, CancellationToken ct) =>
        (await awards.ListAsync(query, ct)).Awards.ToPage(page);

    public async Task<IReadOnlyList<AidAward>> AllAsync(AwardQuery query, CancellationToken ct) => (await awards.ListAsync(query, ct)).Awards;
}
