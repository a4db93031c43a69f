using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>End an agreement early (or shorten it), with the reason; the decided terms stay in the history.</summary>
public sealed class ShortenModel(GetClusterDetails details, GetClusterAgreements agreements, ShortenAgreement shortenAgreement, IStringLocalizer<SharedResource> text)
    : AgreementFormPage(details, agreements)
{
    public sealed class InputModel
    {
        public long Version { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Agreements.NewEnd")]
        public DateOnly? End { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(1000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Agreements.Reason")]
        public string? Reason { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        if (await LoadAsync(id, agreementId, ct) is { } problem) return problem;
        Input.Version = Agreement.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        if (await LoadAsync(id, agreementId, ct) is { } problem) return problem;
        if (!ModelState.IsValid) return Page();
        var outcome = await shortenAgreement.HandleAsync(new ShortenAgreementCommand(id, agreementId, Input.Version, Input.End!.Value, Input.Reason!), ct);
        return CommandOutcomePage.Handle(this, outcome, $"/Clusters/{id}", text, "Input");
    }
}
