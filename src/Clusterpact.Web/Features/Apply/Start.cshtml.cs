namespace Clusterpact.Web.Features.Apply;

/// <summary>Starts an application on a published call for the organisation the applicant names.</summary>
public sealed class StartModel(GetApplicationStart getStart, StartApplication start, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(Application.NameMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Applications.Applicant")]
        public string? ApplicantName { get; set; }
        [Required(ErrorMessage = "Validation.Required"), StringLength(20, ErrorMessage = "Validation.MaxLength"), Display(Name = "Clusters.EnterpriseNumber")]
        public string? EnterpriseNumber { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Call Call { get; private set; } = null!;
    public bool English => Cultures.IsEnglish;

    public async Task<IActionResult> OnGetAsync(Guid callId, CancellationToken ct)
    {
        if (await getStart.HandleAsync(callId, ct) is not { } form) return NotFound();
        Call = form.Call;
        Input = new InputModel { ApplicantName = form.ApplicantName, EnterpriseNumber = form.EnterpriseNumber is null ? null : Format.EnterpriseNumber(form.EnterpriseNumber) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid callId, CancellationToken ct)
    {
        if (await getStart.HandleAsync(callId, ct) is not { } form) return NotFound();
        Call = form.Call;
        if (!ModelState.IsValid) return Page();
        var outcome = await start.HandleAsync(callId, Input.ApplicantName, Input.EnterpriseNumber, ct);
        return CommandOutcomePage.Handle(this, outcome, $"/Apply/{outcome.CreatedId}", text, "Input");
    }
}
