namespace Clusterpact.Web.Features.Apply;

/// <summary>Starts an application on a published call for the organisation the applicant names.</summary>
public sealed class StartModel(ApplyService apply, ClusterpactDbContext db, IStringLocalizer<SharedResource> text) : PageModel
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
        if (!await LoadAsync(callId, ct)) return NotFound();
        var (name, number) = await apply.DefaultApplicantAsync(ct);
        Input = new InputModel { ApplicantName = name, EnterpriseNumber = number is null ? null : Format.EnterpriseNumber(number) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid callId, CancellationToken ct)
    {
        if (!await LoadAsync(callId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var (outcome, id) = await apply.StartAsync(callId, Input.ApplicantName, Input.EnterpriseNumber, ct);
        return CommandOutcomePage.Handle(this, outcome, $"/Apply/{id}", text, "Input");
    }

    private async Task<bool> LoadAsync(Guid callId, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId && c.Status != CallStatus.Draft, ct);
        if (call is null) return false;
        Call = call;
        return true;
    }
}
