using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>One agreement's money: yearly budgets, the cofinancing deposit per year, and aid payments with four-eyes approval.</summary>
public sealed class BudgetModel(GetAgreementBudget getBudget, PlanWorkingYear planYear, RecordCofinancing recordCofinancing, DecideLapse decideLapse,
    RequestPayment requestPayment, TakePaymentStep takePaymentStep, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public AgreementBudget Budget { get; private set; } = null!;
    public DateOnly Today => clock.TodayInBrussels();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid agreementId, CancellationToken ct) =>
        await LoadAsync(id, agreementId, ct) ? Page() : NotFound();

    /// <summary>
    /// The year and cofinancing forms take amounts as text and read them as people type them in Belgium ("1.234,56",
    /// "€ 150 000"), with the parser the imports and project forms use: bound as decimals in the request's culture, a
    /// figure such as "€ 150.000" came in empty and was refused as "fill in all required fields".
    /// </summary>
    public async Task<IActionResult> OnPostYearAsync(Guid id, Guid agreementId, string? yearStart, string? grantedAid, string? plannedCofinancing,
        string? animation, string? marketing, string? facilities, string? training, CancellationToken ct)
    {
        var start = Date(yearStart, nameof(yearStart), "Budget.YearStart");
        var aid = Amount(grantedAid, nameof(grantedAid), "Budget.GrantedAid", required: true);
        var cofinancing = Amount(plannedCofinancing, nameof(plannedCofinancing), "Budget.PlannedCofinancing", required: true);
        var costs = new[] { Amount(animation, nameof(animation), "CostCategory.Animation"), Amount(marketing, nameof(marketing), "CostCategory.Marketing"),
            Amount(facilities, nameof(facilities), "CostCategory.FacilityManagement"), Amount(training, nameof(training), "CostCategory.TrainingAndNetworking") };
        if (!ModelState.IsValid) return await AgainAsync(id, agreementId, ct);
        return await AfterAsync(id, agreementId, await planYear.HandleAsync(new PlanWorkingYearCommand(id, agreementId, start!.Value, aid!.Value, cofinancing!.Value,
            costs[0] ?? 0, costs[1] ?? 0, costs[2] ?? 0, costs[3] ?? 0), ct), ct);
    }

    public async Task<IActionResult> OnPostCofinancingAsync(Guid id, Guid agreementId, Guid yearId, string? paidOn, string? amount, string? reference, CancellationToken ct)
    {
        var on = Date(paidOn, nameof(paidOn), "Budget.PaidOn");
        var eur = Amount(amount, nameof(amount), "Budget.Amount", required: true);
        if (!ModelState.IsValid) return await AgainAsync(id, agreementId, ct);
        return await AfterAsync(id, agreementId, await recordCofinancing.HandleAsync(new RecordCofinancingCommand(id, agreementId, yearId, on!.Value, eur!.Value, reference), ct), ct);
    }

    public async Task<IActionResult> OnPostLapseAsync(Guid id, Guid agreementId, Guid yearId, string? note, CancellationToken ct) =>
        await AfterAsync(id, agreementId, await decideLapse.HandleAsync(id, agreementId, yearId, note ?? "", null, ct), ct);

    public async Task<IActionResult> OnPostPaymentAsync(Guid id, Guid agreementId, Guid yearId, string? amount, CancellationToken ct)
    {
        var eur = Amount(amount, nameof(amount), "Budget.Amount", required: true);
        if (!ModelState.IsValid) return await AgainAsync(id, agreementId, ct);
        return await AfterAsync(id, agreementId, await requestPayment.HandleAsync(id, agreementId, yearId, eur!.Value, ct), ct);
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, Guid agreementId, Guid paymentId, long version, string? step, CancellationToken ct) =>
        await AfterAsync(id, agreementId, await takePaymentStep.HandleAsync(id, agreementId, paymentId, version, step ?? "", ct), ct);

    private async Task<IActionResult> AfterAsync(Guid id, Guid agreementId, CommandOutcome outcome, CancellationToken ct)
    {
        var answer = CommandOutcomePage.Handle(this, outcome, $"/Clusters/{id}/Agreements/{agreementId}/Budget", text, prefix: "");
        return answer is PageResult ? await AgainAsync(id, agreementId, ct) : answer;
    }

    /// <summary>The page again after a refusal: the form that was posted shows what was typed (see <see cref="Typed"/>).</summary>
    private async Task<IActionResult> AgainAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        if (!await LoadAsync(id, agreementId, ct)) return NotFound();
        Refused = RouteData.Values["handler"]?.ToString() ?? Request.Query["handler"].ToString();
        return Page();
    }

    /// <summary>The handler whose form was refused, or null on a plain GET.</summary>
    public string? Refused { get; private set; }

    /// <summary>What was typed in a field of the refused form, so a refusal never clears it; the cofinancing form of another year stays empty.</summary>
    public string? Typed(string handler, string field, Guid? yearId = null) =>
        Refused == handler && (yearId is null || Request.Form["yearId"] == yearId.ToString()) ? Request.Form[field].ToString() : null;

    private decimal? Amount(string? input, string field, string label, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            if (required) ModelState.AddModelError(field, text["Validation.Required", text[label]]);
            return null;
        }
        var value = BelgianFormats.ParseNumber(input);
        if (value is null) ModelState.AddModelError(field, text["Validation.Amount", text[label]]);
        return value;
    }

    private DateOnly? Date(string? input, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(input)) { ModelState.AddModelError(field, text["Validation.Required", text[label]]); return null; }
        var value = BelgianFormats.ParseDate(input);
        if (value is null) ModelState.AddModelError(field, text["Budget.InvalidDate", input]);
        return value;
    }

    private async Task<bool> LoadAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        var b = await getBudget.HandleAsync(id, agreementId, ct);
        if (b is null) return false;
        Budget = b;
        return true;
    }
}
