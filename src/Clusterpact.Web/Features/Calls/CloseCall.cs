namespace Clusterpact.Web.Features.Calls;

/// <summary>Agency staff close a published call once its closing moment has passed.</summary>
public sealed class CloseCall(ClusterpactDbContext db, Permissions permissions, TimeProvider clock) : IUseCase
{
    public Task<CommandOutcome> HandleAsync(Guid id, long version, CancellationToken ct) => CallChanges.SaveCallAsync(db, permissions, id, version, c => c.Close(clock.GetUtcNow()), ct);
}
