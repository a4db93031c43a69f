namespace Clusterpact.Web.Features.Calls;

/// <summary>Agency staff publish a draft call: from then on it is on the public list and open on its opening moment.</summary>
public sealed class PublishCall(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid id, long version, CancellationToken ct) => CallChanges.SaveCallAsync(db, permissions, id, version, c => c.Publish(), ct);
}
