namespace Clusterpact.Web.Features.Clients;

/// <summary>A new machine client: its name, scopes, the last day of its secret and, for a cluster manager, which of their clusters. The secret is shown once.</summary>
public sealed class NewModel(MachineClientService clients, Clusters.ChooseCluster chooseCluster, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Clients.Name"), Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.MaxLength")]
        public string Name { get; set; } = "";

        public List<string> Scopes { get; set; } = [];

        [Display(Name = "Clients.LastDay"), Required(ErrorMessage = "Validation.Required")]
        public DateOnly? LastDay { get; set; }

        /// <summary>The cluster as typed (its name, or a part only it has) or its id.</summary>
        [Display(Name = "Clients.Cluster"), StringLength(300, ErrorMessage = "Validation.MaxLength")]
        public string? ClusterId { get; set; }

        [Display(Name = "Clients.RequestsPerMinute"), Range(1, 100_000, ErrorMessage = "Validation.Range")]
        public int? RequestsPerMinute { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>The cluster field: what it chose among the manager's own clusters, or the text that chose none.</summary>
    public Clusters.ClusterChoice Cluster { get; private set; } = Clusters.ClusterChoice.None;
    public Clusters.ClusterChoiceField ClusterField => Clusters.ClusterChoiceField.Form("Input.ClusterId", Cluster, "Import.ChooseCluster", "Clients.ClusterHelp");
    public bool ChoosesCluster { get; private set; }

    /// <summary>The client just created, with its secret: shown in this one answer and never again.</summary>
    public ShownOnce? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.LastDay = clock.TodayInBrussels().AddMonths(6);
        Load();
        // A manager of one cluster has it chosen already.
        var only = ChoosesCluster ? await clients.ClustersToChoose().Select(c => c.Id).Take(2).ToListAsync(ct) : [];
        if (only.Count == 1) Cluster = await chooseCluster.HandleAsync(only[0].ToString(), clients.ClustersToChoose(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Load();
        if (ChoosesCluster)
        {
            Cluster = await chooseCluster.HandleAsync(Input.ClusterId, clients.ClustersToChoose(), ct);
            Cluster.Check(ModelState, "Input.ClusterId", required: true, text);
        }
        if (!ModelState.IsValid) return Page();
        var outcome = await clients.CreateAsync(new NewClient(Input.Name, string.Join(' ', Input.Scopes), Input.LastDay!.Value, Cluster.Chosen?.Id, Input.RequestsPerMinute), ct);
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

    private void Load() => ChoosesCluster = !User.IsInRole(Roles.Administrator);
}
