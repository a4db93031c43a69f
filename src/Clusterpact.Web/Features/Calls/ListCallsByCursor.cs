using Clusterpact.Web.Infrastructure.Requests;

namespace Clusterpact.Web.Features.Calls;

/// <summary>The calls for the API, filtered by kind and status in SQL, oldest first: one cursor window (the page's list is <see cref="ListCalls"/>).</summary>
public sealed class ListCallsByCursor(ClusterpactDbContext db) : IUseCase
{
    public Task<ApiList<CallDto>> HandleAsync(CallKind? kind, CallStatus? status, ListWindow window, CancellationToken ct) =>
        db.Calls.Where(c => (kind == null || c.Kind == kind) && (status == null || c.Status == status))
            .ToApiListAsync(window, (rows, _) => Task.FromResult<IReadOnlyList<CallDto>>(rows.Select(CallDto.From).ToList()), ct);
}
