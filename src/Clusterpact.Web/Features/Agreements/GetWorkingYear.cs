namespace Clusterpact.Web.Features.Agreements;

/// <summary>A working year and the cluster of its agreement.</summary>
public sealed record WorkingYearOf(AgreementYear Year, Guid ClusterId);

/// <summary>One working year of an agreement the caller sees; null when there is none or it is not the caller's.</summary>
public sealed class GetWorkingYear(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public async Task<WorkingYearOf?> HandleAsync(Guid id, CancellationToken ct)
    {
        var year = await db.AgreementYears.AsNoTracking().SingleOrDefaultAsync(y => y.Id == id, ct);
        if (year is null) return null;
        var cluster = await scope.Agreements().Where(a => a.Id == year.AgreementId).Select(a => (Guid?)a.ClusterId).SingleOrDefaultAsync(ct);
        return cluster is { } c ? new WorkingYearOf(year, c) : null;
    }
}
