namespace Clusterpact.Web.Features.Clusters;

/// <summary>Agency staff edit the cluster organisation's record: name, domain, enterprise number, status and support dates.</summary>
public sealed class RecordModel(GetClusterDetails details, UpdateClusterRecord update, IStringLocalizer<SharedResource> text) : ClusterFormPage(details, text)
{
    public sealed class InputModel
    {
        public long Version { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(Cluster.NameMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Clusters.Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(Cluster.DomainMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Clusters.Domain")]
        public string StrategicDomain { get; set; } = "";

        [StringLength(30, ErrorMessage = "Validation.MaxLength"), Display(Name = "Clusters.EnterpriseNumber")]
        public string? EnterpriseNumber { get; set; }

        [Display(Name = "Clusters.Status")]
        public ClusterStatus Status { get; set; }

        [Display(Name = "Clusters.Start")]
        public DateOnly? SupportStart { get; set; }

        [Display(Name = "Clusters.End")]
        public DateOnly? SupportEnd { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await LoadClusterAsync(id, ct);
        if (c is null) return NotFound();
        Input = new InputModel
        {
            Version = c.Version, Name = c.Name, StrategicDomain = c.StrategicDomain, Status = c.Status, SupportStart = c.SupportStart, SupportEnd = c.SupportEnd,
            EnterpriseNumber = c.EnterpriseNumber is null ? null : Infrastructure.Formatting.Format.EnterpriseNumber(c.EnterpriseNumber),
        };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, () => update.HandleAsync(new UpdateClusterRecordCommand(id, Input.Version, Input.Name, Input.StrategicDomain, Input.EnterpriseNumber,
            Input.Status, Input.SupportStart, Input.SupportEnd), ct), ct);
}
