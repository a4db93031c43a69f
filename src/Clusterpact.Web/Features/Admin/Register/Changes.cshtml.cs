namespace Clusterpact.Web.Features.Admin.Register;

/// <summary>One of our organisations whose register entry the last extract changed: what it was and what it is.</summary>
public sealed record RegisterChangeRow(Guid OrganisationId, string OrganisationName, string EnterpriseNumber, RegisterChange Change,
    string? Name, string? PreviousName, string? NaceCode, string? PreviousNaceCode, string? PostalCode, string? PreviousPostalCode, string? LegalForm, string? PreviousLegalForm);

/// <summary>
/// "What changed in the register since the last extract" for the organisations we hold: added, changed, stopped or
/// started again by the latest completed extract, paged like every list.
/// </summary>
public sealed class ChangesModel(ClusterpactDbContext db) : ListPageModel
{
    public int? Extract { get; private set; }
    public DateOnly? Snapshot { get; private set; }
    public Paged<RegisterChangeRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var last = await db.RegisterLoads.AsNoTracking().Where(l => l.Completed).OrderByDescending(l => l.ExtractNumber)
            .Select(l => new { l.ExtractNumber, l.SnapshotDate }).FirstOrDefaultAsync(ct);
        if (last is null) return;
        (Extract, Snapshot) = (last.ExtractNumber, last.SnapshotDate);
        var query = from e in db.RegisterEnterprises.AsNoTracking()
                    join o in db.Organisations.AsNoTracking() on e.EnterpriseNumber equals o.EnterpriseNumber
                    where e.ChangedInExtract == last.ExtractNumber
                    orderby e.Change, o.Name, o.Id
                    select new RegisterChangeRow(o.Id, o.Name, e.EnterpriseNumber, e.Change, e.Name, e.PreviousName, e.NaceCode, e.PreviousNaceCode,
                        e.PostalCode, e.PreviousPostalCode, e.LegalForm, e.PreviousLegalForm);
        Result = await query.ToPageAsync(PageRequest, ct);
    }
}
