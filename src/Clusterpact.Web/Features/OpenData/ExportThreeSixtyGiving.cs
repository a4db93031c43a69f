namespace Clusterpact.Web.Features.OpenData;

/// <summary>The 360Giving package of the published awards, or the domain's refusal (nothing to publish, contact data found).</summary>
public sealed class ExportThreeSixtyGiving(PublishedAwards awards, TimeProvider clock) : IUseCase
{
    public async Task<Result<string>> HandleAsync(string defaultDataSource, CancellationToken ct)
    {
        var o = awards.Options;
        var publisher = new ThreeSixtyGivingPublisher(o.FunderId, o.FunderName, o.GrantIdPrefix, string.IsNullOrWhiteSpace(o.DataSource) ? defaultDataSource : o.DataSource);
        return ThreeSixtyGiving.Export((await awards.BuildAsync(ct)).Published, publisher, clock.GetUtcNow());
    }
}
