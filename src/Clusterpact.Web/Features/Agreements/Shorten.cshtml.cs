using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

/// <summary>End an agreement early (or shorten it), with the reason; the decided terms stay in the history.</summary>
public sealed class ShortenModel(GetClusterDetails details, AgreementService agreements, IStringLocalizer<SharedResource> text) : PageModel
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
    public ClusterDetails Cluster { get; private set; } = null!;
    public AgreementView Agreement { get; private set; } = null!;

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
        var outcome = await agreements.ShortenAsync(id, agreementId, Input.Version, Input.End!.Value, Input.Reason!, ct);
        return CommandOutcomePage.Handle(this, outcome, $"/Clusters/{id}", text, "Input");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        var c = await details.HandleAsync(id, 1, ct);
        if (c is null) return NotFound();
        var agreement = (await agreements.ForClusterAsync(id, ct))?.Agreements.SingleOrDefault(a => a.Id == agreementId);
        if (agreement is null) return NotFound();
        (Cluster, Agreement) = (c, agreement);
        return null;
    }
}
