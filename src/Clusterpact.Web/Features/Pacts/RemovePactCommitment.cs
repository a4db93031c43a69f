namespace Clusterpact.Web.Features.Pacts;

/// <summary>The cluster's manager or agency staff take a commitment out of the pact's draft.</summary>
public sealed class RemovePactCommitment(PactChange change) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid clusterId, long version, Guid key, CancellationToken ct) =>
        change.ApplyAsync(clusterId, version, adopting: false, "Description", p => p.RemoveCommitment(key), ct);
}
