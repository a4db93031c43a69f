using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

public sealed class NewModel(GetClusterDetails details, GetClusterAgreements agreements, CreateAgreement createAgreement, IStringLocalizer<SharedResource> text)
    : AgreementFormPage(details, agreements)
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Clusters.Start")]
        public DateOnly? Start { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Clusters.End")]
        public DateOnly? End { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.MaxLength"), Display(Name = "Agreements.Decision")]
        public string? DecisionReference { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, null, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, null, ct) is { } problem) return problem;
        if (!ModelState.IsValid) return Page();
        var outcome = await createAgreement.HandleAsync(new CreateAgreementCommand(id, Input.Start!.Value, Input.End!.Value, Input.DecisionReference!), ct);
        return CommandOutcomePage.Handle(this, outcome, $"/Clusters/{id}", text, "Input");
    }
}
