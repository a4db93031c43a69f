namespace Clusterpact.Web.Features.Clients;

/// <summary>A new machine client: its name, scopes, the last day of its secret and, for a cluster manager, which of their clusters. The secret is shown once.</summary>
public sealed class NewModel(MachineClientService clients, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Clients.Name"), Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.MaxLength")]
        public string Name { get; set; } = "";

        public List<string> Scopes { get; set; } = [];

        [Display(Name = "Clients.LastDay"), Required(ErrorMessage = "Validation.Required")]
        public DateOnly? LastDay { get; set; }

        [Display(Name = "Clients.Cluster")]
        public Guid? ClusterId { get; set; }

        [Display(Name = "Clients.RequestsPerMinute"), Range(1, 100_000, ErrorMessage = "Validation.Range")]
        public int? RequestsPerMinute { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<(Guid Id, string Name)> Clusters { get; private set; } = [];
    public bool ChoosesCluster { get; private set; }

    /// <summary>The client just created, with its secret: shown in this one answer and never again.</summary>
    public ShownOnce? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.LastDay = clock.TodayInBrussels().AddMonths(6);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var outcome = await clients.CreateAsync(new NewClient(Input.Name, string.Join(' ', Input.Scopes), Input.LastDay!.Value, Input.ClusterId, Input.RequestsPerMinute), ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(outcome.Error!.Field) ? "" : $"{nameof(Input)}.{outcome.Error.Field}", text[outcome.Error.Code]);
            return Page();
        }
        Created = outcome.Value;
        // The secret is in this answer only: no browser or proxy may keep a copy.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Clusters = (await clients.ClustersToChoose().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        ChoosesCluster = !User.IsInRole(Roles.Administrator);
    }
}
