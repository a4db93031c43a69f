using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Budget;

/// <summary>A saved scenario projected year by year, per cluster and in total, with a chart; exportable, copied or deleted from here.</summary>
public sealed class DetailsModel(ProjectScenario projectScenario, GetScenario getScenario, CopyScenario copyScenario, DeleteScenario deleteScenario,
    IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public SavedBudgetScenario Saved { get; private set; } = null!;
    public ScenarioProjection? Projection { get; private set; }
    public string? ProjectionError { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Projection is null) return BadRequest();
        return await TableExport.ToFileAsync(format, text["Budget.Projection"], "begrotingsscenario", BudgetExport.ProjectionRows(Projection, text),
            BudgetExport.Columns(Projection.Years, text), clock, ct);
    }

    public async Task<IActionResult> OnPostCopyAsync(Guid id, CancellationToken ct)
    {
        var saved = await getScenario.HandleAsync(id, ct);
        if (saved is null) return NotFound();
        var outcome = await copyScenario.HandleAsync(id, text["Budget.CopyName", saved.Name], ct);
        if (outcome.Status != CommandStatus.Ok) return await ShowAsync(id, outcome, ct);
        TempData["Flash"] = "Flash.Saved";
        return Redirect($"/Budget/Edit/{outcome.CreatedId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long version, CancellationToken ct)
    {
        var outcome = await deleteScenario.HandleAsync(id, version, ct);
        if (outcome.Status != CommandStatus.Ok) return await ShowAsync(id, outcome, ct);
        TempData["Flash"] = "Budget.Deleted";
        return Redirect("/Budget");
    }

    private async Task<IActionResult> ShowAsync(Guid id, CommandOutcome outcome, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return CommandOutcomePage.Handle(this, outcome, $"/Budget/{id}", text, "");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var f = await projectScenario.HandleAsync(id, ct);
        if (f is null) return false;
        CanEdit = f.CanEdit;
        Saved = f.Saved;
        if (f.Projection.IsSuccess) Projection = f.Projection.Value;
        else ProjectionError = f.Projection.Error!.Code;
        return true;
    }
}
