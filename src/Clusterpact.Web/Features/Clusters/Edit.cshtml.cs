namespace Clusterpact.Web.Features.Clusters;

public sealed class EditModel(GetClusterDetails details, UpdateClusterContact update, IStringLocalizer<SharedResource> text) : ClusterFormPage(details, text)
{
    public const int MaxWebsite = 300;
    public const int MaxContactName = 200;
    public const int MaxContactEmail = 254;

    public sealed class InputModel
    {
        public long Version { get; set; }

        [Display(Name = "Clusters.Website"), StringLength(MaxWebsite, ErrorMessage = "Validation.MaxLength")]
        public string? Website { get; set; }

        [Display(Name = "Clusters.ContactName"), StringLength(MaxContactName, ErrorMessage = "Validation.MaxLength")]
        public string? ContactName { get; set; }

        [Display(Name = "Clusters.ContactEmail"), StringLength(MaxContactEmail, ErrorMessage = "Validation.MaxLength")]
        public string? ContactEmail { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await LoadClusterAsync(id, ct);
        if (c is null) return NotFound();
        if (!c.CanEdit) return Forbid();
        Input = new InputModel { Version = c.Version, Website = c.Website, ContactName = c.ContactName, ContactEmail = c.ContactEmail };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, () => update.HandleAsync(new UpdateClusterContactCommand(id, Input.Version, Input.Website, Input.ContactName, Input.ContactEmail), ct), ct);
}
