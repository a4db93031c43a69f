namespace Clusterpact.Web.Features.Pacts;

/// <summary>Agency staff adopt the pact's draft version today.</summary>
public sealed class AdoptPact(PactChange change, TimeProvider clock) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid clusterId, long version, CancellationToken ct) =>
        change.ApplyAsync(clusterId, version, adopting: true, "Year", p => p.Adopt(clock.TodayInBrussels()), ct);
}
