namespace Clusterpact.Web.Features.Clusters.Members;

/// <summary>Change or end one membership of the cluster.</summary>
public sealed class EditModel(GetClusterDetails details, UpdateMembership updateMembership, GetMembership getMembership, IStringLocalizer<SharedResource> text) : ClusterFormPage(details, text)
{
    public sealed class InputModel
    {
        public long Version { get; set; }

        [Display(Name = "Members.Until")]
        public DateOnly? Until { get; set; }

        [Display(Name = "Members.Role")]
        public MembershipRole Role { get; set; }

        [Display(Name = "Members.Fee")] // its range is the domain's (Membership.Check): a RangeAttribute of int overflowed on a large fee
        public decimal? YearlyFee { get; set; }

        [StringLength(254, ErrorMessage = "Validation.MaxLength"), Display(Name = "MemberField.ContactEmail")]
        public string? ContactEmail { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string OrganisationName { get; private set; } = "";
    public DateOnly From { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid membershipId, CancellationToken ct)
    {
        var (problem, m) = await LoadAsync(id, membershipId, ct);
        if (problem is not null) return problem;
        Input = new InputModel { Version = m!.Version, Until = m.Until, Role = m.Role, YearlyFee = m.YearlyFee, ContactEmail = m.ContactEmail };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid membershipId, CancellationToken ct)
    {
        if ((await LoadAsync(id, membershipId, ct)).Problem is { } problem) return problem;
        if (!ModelState.IsValid) return Page();
        var outcome = await updateMembership.HandleAsync(new UpdateMembershipCommand(id, membershipId, Input.Version, Input.Until, Input.Role, Input.YearlyFee, Input.ContactEmail), ct);
        return Answer(id, outcome);
    }

    /// <summary>The cluster (404 when not seen, 403 when not editable) and the membership of it (404 when not of that cluster).</summary>
    private async Task<(IActionResult? Problem, MembershipDto? Membership)> LoadAsync(Guid id, Guid membershipId, CancellationToken ct)
    {
        var c = await LoadClusterAsync(id, ct);
        if (c is null) return (NotFound(), null);
        if (!c.CanEdit) return (Forbid(), null);
        if (await getMembership.HandleAsync(id, membershipId, ct) is not { } membership) return (NotFound(), null);
        (OrganisationName, From) = (membership.OrganisationName, membership.From);
        return (null, membership);
    }
}
