namespace Clusterpact.Web.Features.Calls;

/// <summary>One call with its terms, as the agency (the API, the edit form) reads it; null when there is none.</summary>
public sealed class GetCall(ClusterpactDbContext db) : IUseCase
{
    public Task<Call?> HandleAsync(Guid id, CancellationToken ct) => db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
}
