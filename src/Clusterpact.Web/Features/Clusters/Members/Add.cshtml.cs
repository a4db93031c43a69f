namespace Clusterpact.Web.Features.Clusters.Members;

public sealed class AddModel(GetClusterDetails details, AddMember addMember, TimeProvider clock, IStringLocalizer<SharedResource> text,
    Infrastructure.EnterpriseRegister.EnterpriseRegisterLookup register) : ClusterFormPage(details, text)
{
    public sealed class InputModel
    {
        [Display(Name = "Clusters.EnterpriseNumber"), StringLength(30, ErrorMessage = "Validation.MaxLength")]
        public string? EnterpriseNumber { get; set; }

        [Display(Name = "Members.Country"), StringLength(2, ErrorMessage = "Validation.MaxLength")]
        public string? CountryCode { get; set; } = "BE";

        [Display(Name = "MemberField.ForeignId"), StringLength(40, ErrorMessage = "Validation.MaxLength")]
        public string? ForeignId { get; set; }

        [Display(Name = "Members.Name"), StringLength(300, ErrorMessage = "Validation.MaxLength")]
        public string? Name { get; set; }

        [Display(Name = "Members.Kind")]
        public OrganisationKind Kind { get; set; } = OrganisationKind.Company;

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Members.Since")]
        public DateOnly? From { get; set; }

        [Display(Name = "Members.Until")]
        public DateOnly? Until { get; set; }

        [Display(Name = "Members.Role")]
        public MembershipRole Role { get; set; } = MembershipRole.Member;

        [Display(Name = "Members.Fee")] // its range is the domain's (Membership.Check): a RangeAttribute of int overflowed on a large fee
        public decimal? YearlyFee { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await LoadClusterAsync(id, ct);
        if (c is null) return NotFound();
        if (!c.CanEdit) return Forbid();
        Input.From = clock.TodayInBrussels();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var answer = await SaveAsync(id, () => addMember.HandleAsync(new AddMemberCommand(id, Input.EnterpriseNumber, Input.CountryCode, Input.ForeignId, Input.Name, Input.Kind,
            Input.From!.Value, Input.Until, Input.Role, Input.YearlyFee), ct), ct);
        // Saved: say what the official register said of the number, a stopped enterprise first.
        if (answer is RedirectResult && EnterpriseNumber.TryParse(Input.EnterpriseNumber, out var number) && (Input.CountryCode ?? "BE").Trim().ToUpperInvariant() == "BE")
        {
            var known = await register.FindAsync(number.Digits, CultureInfo.CurrentUICulture.Name, ct);
            if (known.Standing == Domain.EnterpriseRegister.RegisterStanding.Stopped) TempData["Flash"] = "Register.SavedStopped";
            else if (known.Entry?.Name is not null && string.IsNullOrWhiteSpace(Input.Name)) TempData["Flash"] = "Register.SavedNameFilled";
        }
        return answer;
    }
}
