using Clusterpact.Web.Features.Projects;

namespace Clusterpact.Web.Features.Funds;

/// <summary>One envelope's use: the projects holding money on it; agency staff adjust its amount (never below what is committed).</summary>
public sealed class DetailsModel(GetEnvelope getEnvelope, ResizeEnvelope resizeEnvelope, IStringLocalizer<SharedResource> text) : PageModel
{
    public EnvelopeRow Envelope { get; private set; } = null!;
    public IReadOnlyList<EnvelopeUse> Uses { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManage) return Forbid();
        var amount = ProjectForm.Amount(Amount, nameof(Amount), "Funds.Amount", ModelState, text, "Input");
        if (amount is null && string.IsNullOrWhiteSpace(Amount)) ModelState.AddModelError("Input.Amount", text["Validation.Required", text["Funds.Amount"]]);
        if (!ModelState.IsValid) return Page();
        var answer = CommandOutcomePage.Handle(this, await resizeEnvelope.HandleAsync(id, Version, amount!.Value, Note, ct), $"/Funds/{id}", text, "Input");
        if (answer is PageResult) await LoadAsync(id, ct);
        return answer;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await getEnvelope.HandleAsync(id, ct);
        if (found is null) return false;
        (Envelope, Uses, CanManage) = found;
        return true;
    }
}
