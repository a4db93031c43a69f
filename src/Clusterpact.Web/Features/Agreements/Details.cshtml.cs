namespace Clusterpact.Web.Features.Agreements;

/// <summary>
/// One support agreement on a page of its own: its terms and amendments, its working years with the deposit rule, its
/// aid payments with who requested and who decided them, and the cluster's evaluations. Scoped as the working-year page
/// (agency staff and readers, the cluster's own managers); another cluster's agreement is a 404.
/// </summary>
public sealed class DetailsModel(GetAgreementDetails getDetails, TimeProvider clock) : PageModel
{
    public AgreementBudget Budget { get; private set; } = null!;
    public IReadOnlyList<AgreementEvaluation> Evaluations { get; private set; } = [];
    public DateOnly Today => clock.TodayInBrussels();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        if (await getDetails.HandleAsync(id, agreementId, ct) is not { } details) return NotFound();
        (Budget, Evaluations) = (details.Budget, details.Evaluations);
        return Page();
    }
}
