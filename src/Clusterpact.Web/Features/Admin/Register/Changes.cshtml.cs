namespace Clusterpact.Web.Features.Admin.Register;

/// <summary>
/// "What changed in the register since the last extract" for the organisations we hold: added, changed, stopped or
/// started again by the latest completed extract, paged like every list.
/// </summary>
public sealed class ChangesModel(ListRegisterChanges list) : ListPageModel
{
    public int? Extract { get; private set; }
    public DateOnly? Snapshot { get; private set; }
    public Paged<RegisterChangeRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var changes = await list.HandleAsync(PageRequest, ct);
        (Extract, Snapshot, Result) = (changes.Extract, changes.Snapshot, changes.Result);
    }
}
