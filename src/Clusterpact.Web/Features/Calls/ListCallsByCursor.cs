using Clusterpact.Web.Infrastructure.Requests;

namespace Clusterpact.Web.Features.Calls;

/// <summary>The calls for the API, filtered by kind and status in SQL, in one of <see cref="Sort"/>'s orders: one cursor window (the page's list is <see cref="ListCalls"/>).</summary>
public sealed class ListCallsByCursor(ClusterpactDbContext db) : IUseCase
{
    public static readonly ApiSort<Call> Sort = new ApiSort<Call>()
        .By("titleNl", c => c.TitleNl).By("budgetEur", c => c.BudgetEur).By("opensAt", c => c.OpensAt).By("closesAt", c => c.ClosesAt);

    public Task<ApiList<CallDto>> HandleAsync(CallKind? kind, CallStatus? status, ListWindow window, CancellationToken ct) =>
        db.Calls.Where(c => (kind == null || c.Kind == kind) && (status == null || c.Status == status))
            .ToApiListAsync(Sort, window, db, (rows, _) => Task.FromResult<IReadOnlyList<CallDto>>(rows.Select(CallDto.From).ToList()), ct);
}
