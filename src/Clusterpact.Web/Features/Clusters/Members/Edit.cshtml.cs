namespace Clusterpact.Web.Features.Clusters.Members;

/// <summary>Change or end one membership of the cluster.</summary>
public sealed class EditModel(GetClusterDetails details, UpdateMembership updateMembership, ClusterpactDbContext db, IStringLocalizer<SharedResource> text) : ClusterFormPage(details, text)
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
        if (await LoadAsync(id, membershipId, ct) is { } problem) return problem;
        var m = await db.Memberships.AsNoTracking().SingleAsync(x => x.Id == membershipId, ct);
        Input = new InputModel { Version = m.Version, Until = m.Until, Role = m.Role, YearlyFee = m.YearlyFee, ContactEmail = m.ContactEmail };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid membershipId, CancellationToken ct)
    {
        if (await LoadAsync(id, membershipId, ct) is { } problem) return problem;
        if (!ModelState.IsValid) return Page();
        var outcome = await updateMembership.HandleAsync(new UpdateMembershipCommand(id, membershipId, Input.Version, Input.Until, Input.Role, Input.YearlyFee, Input.ContactEmail), ct);
        return Answer(id, outcome);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid membershipId, CancellationToken ct)
    {
        var c = await LoadClusterAsync(id, ct);
        if (c is null) return NotFound();
        if (!c.CanEdit) return Forbid();
        var row = await db.Memberships.AsNoTracking().Where(m => m.Id == membershipId && m.ClusterId == id)
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { o.Name, m.From }).SingleOrDefaultAsync(ct);
        if (row is null) return NotFound();
        (OrganisationName, From) = (row.Name, row.From);
        return null;
    }
}
