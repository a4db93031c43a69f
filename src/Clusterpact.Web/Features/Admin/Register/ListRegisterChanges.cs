namespace Clusterpact.Web.Features.Admin.Register;

/// <summary>One of our organisations whose register entry the last extract changed: what it was and what it is.</summary>
public sealed record RegisterChangeRow(Guid OrganisationId, string OrganisationName, string EnterpriseNumber, RegisterChange Change,
    string? Name, string? PreviousName, string? NaceCode, string? PreviousNaceCode, string? PostalCode, string? PreviousPostalCode, string? LegalForm, string? PreviousLegalForm);

/// <param name="Extract">The latest completed extract's number; null (and no rows) before any load completed.</param>
public sealed record RegisterChanges(int? Extract, DateOnly? Snapshot, Paged<RegisterChangeRow> Result);

/// <summary>
/// "What changed in the register since the last extract" for the organisations we hold: added, changed, stopped or
/// started again by the latest completed extract, by kind of change and then by name.
/// </summary>
public sealed class ListRegisterChanges(ClusterpactDbContext db) : IUseCase
{
    public async Task<RegisterChanges> HandleAsync(PageRequest page, CancellationToken ct)
    {
        var last = await db.RegisterLoads.AsNoTracking().Where(l => l.Completed).OrderByDescending(l => l.ExtractNumber)
            .Select(l => new { l.ExtractNumber, l.SnapshotDate }).FirstOrDefaultAsync(ct);
        if (last is null) return new RegisterChanges(null, null, new Paged<RegisterChangeRow>([], 1, page.Size, 0));
        var query = from e in db.RegisterEnterprises.AsNoTracking()
                    join o in db.Organisations.AsNoTracking() on e.EnterpriseNumber equals o.EnterpriseNumber
                    where e.ChangedInExtract == last.ExtractNumber
                    orderby e.Change, o.Name, o.Id
                    select new RegisterChangeRow(o.Id, o.Name, e.EnterpriseNumber, e.Change, e.Name, e.PreviousName, e.NaceCode, e.PreviousNaceCode,
                        e.PostalCode, e.PreviousPostalCode, e.LegalForm, e.PreviousLegalForm);
        return new RegisterChanges(last.ExtractNumber, last.SnapshotDate, await query.ToPageAsync(page, ct));
    }
}
