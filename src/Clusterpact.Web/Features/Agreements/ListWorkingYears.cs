using Clusterpact.Web.Infrastructure.Requests;

namespace Clusterpact.Web.Features.Agreements;

public sealed record WorkingYearFilter(Guid? AgreementId, Guid? ClusterId);

/// <summary>The working years of the agreements the caller sees, optionally of one agreement or cluster: one cursor window for the API.</summary>
public sealed class ListWorkingYears(ClusterpactDbContext db, Scope scope, AgreementBudgetAccess budget) : IUseCase
{
    public static readonly ApiSort<AgreementYear> Sort = new ApiSort<AgreementYear>().By("yearStart", y => y.YearStart).By("grantedAid", y => y.GrantedAid);

    public Task<ApiList<WorkingYearDto>> HandleAsync(WorkingYearFilter filter, ListWindow window, CancellationToken ct)
    {
        var visible = scope.Agreements().Where(a => (filter.AgreementId == null || a.Id == filter.AgreementId) && (filter.ClusterId == null || a.ClusterId == filter.ClusterId));
        return db.AgreementYears.Where(y => visible.Any(a => a.Id == y.AgreementId))
            .ToApiListAsync(Sort, window, db, (rows, c) => budget.WithClustersAsync(rows, r => r.AgreementId, WorkingYearDto.From, c), ct);
    }
}
