using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>One agreement's money: yearly budgets, the cofinancing deposit per year, and aid payments with four-eyes approval.</summary>
public sealed class BudgetModel(BudgetService budgets, IStringLocalizer<SharedResource> text) : PageModel
{
    public AgreementBudget Budget { get; private set; } = null!;
    public DateOnly Today => budgets.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid agreementId, CancellationToken ct) =>
        await LoadAsync(id, agreementId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostYearAsync(Guid id, Guid agreementId, DateOnly? yearStart, decimal? grantedAid, decimal? plannedCofinancing,
        decimal? animation, decimal? marketing, decimal? facilities, decimal? training, CancellationToken ct)
    {
        if (yearStart is null || grantedAid is null || plannedCofinancing is null) return await RefuseAsync(id, agreementId, "Budget.Incomplete", ct);
        return await AfterAsync(id, agreementId, await budgets.PlanYearAsync(id, agreementId, yearStart.Value, grantedAid.Value, plannedCofinancing.Value,
            animation ?? 0, marketing ?? 0, facilities ?? 0, training ?? 0, ct), ct);
    }

    public async Task<IActionResult> OnPostCofinancingAsync(Guid id, Guid agreementId, Guid yearId, DateOnly? paidOn, decimal? amount, string? reference, CancellationToken ct)
    {
        if (paidOn is null || amount is null) return await RefuseAsync(id, agreementId, "Budget.Incomplete", ct);
        return await AfterAsync(id, agreementId, await budgets.RecordCofinancingAsync(id, agreementId, yearId, paidOn.Value, amount.Value, reference, ct), ct);
    }

    public async Task<IActionResult> OnPostLapseAsync(Guid id, Guid agreementId, Guid yearId, string? note, CancellationToken ct) =>
        await AfterAsync(id, agreementId, await budgets.DecideLapseAsync(id, agreementId, yearId, note ?? "", ct), ct);

    public async Task<IActionResult> OnPostPaymentAsync(Guid id, Guid agreementId, Guid yearId, decimal? amount, CancellationToken ct)
    {
        if (amount is null) return await RefuseAsync(id, agreementId, "Budget.Incomplete", ct);
        return await AfterAsync(id, agreementId, await budgets.RequestPaymentAsync(id, agreementId, yearId, amount.Value, ct), ct);
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, Guid agreementId, Guid paymentId, long version, string? step, CancellationToken ct) =>
        await AfterAsync(id, agreementId, await budgets.StepPaymentAsync(id, agreementId, paymentId, version, step ?? "", ct), ct);

    private async Task<IActionResult> AfterAsync(Guid id, Guid agreementId, CommandOutcome outcome, CancellationToken ct)
    {
        switch (outcome.Status)
        {
            case CommandStatus.Ok:
                TempData["Flash"] = "Flash.Saved";
                return Redirect($"/Clusters/{id}/Agreements/{agreementId}/Budget");
            case CommandStatus.NotFound: return NotFound();
            case CommandStatus.Forbidden: return Forbid();
            default: return await RefuseAsync(id, agreementId, outcome.ErrorCode!, ct);
        }
    }

    private async Task<IActionResult> RefuseAsync(Guid id, Guid agreementId, string code, CancellationToken ct)
    {
        if (!await LoadAsync(id, agreementId, ct)) return NotFound();
        ModelState.AddModelError(string.Empty, text[code]);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        var b = await budgets.LoadAsync(id, agreementId, ct);
        if (b is null) return false;
        Budget = b;
        return true;
    }
}
