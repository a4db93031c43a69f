namespace Clusterpact.Web.Features.Pacts;

/// <summary>The cluster's manager or agency staff draft the yearly version of the pact from the annual plan (this year's when no year is given).</summary>
public sealed class ReviewPact(PactChange change, TimeProvider clock) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid clusterId, long version, int? year, string? basis, CancellationToken ct)
    {
        var draft = year ?? clock.TodayInBrussels().Year;
        return change.ApplyAsync(clusterId, version, adopting: false, "Year", p => p.Review(draft, basis), ct);
    }
}
