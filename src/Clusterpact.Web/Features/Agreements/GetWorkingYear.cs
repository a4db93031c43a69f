namespace Clusterpact.Web.Features.Agreements;

/// <summary>A working year and the cluster of its agreement.</summary>
public sealed record WorkingYearOf(AgreementYear Year, Guid ClusterId);

/// <summary>One working year of an agreement the caller sees; null when there is none or it is not the caller's.</summary>
public sealed class GetWorkingYear(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public Task<WorkingYearOf?> HandleAsync(Guid id, CancellationToken ct) =>
        (from x in db.AgreementYears.AsNoTracking()
         join a in scope.Agreements() on x.AgreementId equals a.Id
         where x.Id == id
         select new WorkingYearOf(x, a.ClusterId)).SingleOrDefaultAsync(ct);
}
