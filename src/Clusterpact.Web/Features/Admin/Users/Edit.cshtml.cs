using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Admin.Users;

/// <summary>Create (/Admin/Users/New) or edit (/Admin/Users/{id}) a user, their role and cluster scopes.</summary>
public sealed class EditModel(SaveUser save, ResetSecondFactor resetSecondFactor, CurrentUser current, ChooseCluster chooseCluster, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class InputModel
    {
        public string? ConcurrencyStamp { get; set; }

        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(254, ErrorMessage = "Validation.MaxLength"), Display(Name = "Account.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Users.Name")]
        public string DisplayName { get; set; } = "";

        [StringLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Users.Affiliation")]
        public string? Affiliation { get; set; }

        [StringLength(20, ErrorMessage = "Validation.MaxLength"), Display(Name = "Users.AffiliationNumber")]
        public string? AffiliationEnterpriseNumber { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Users.Role")]
        public string Role { get; set; } = Roles.Reader;

        [Display(Name = "Users.Clusters")]
        public List<Guid> ClusterIds { get; set; } = [];

        /// <summary>One more cluster, as typed (its name, or a part only it has): added to <see cref="ClusterIds"/> on save.</summary>
        [StringLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "ClusterChoice.Add")]
        public string? AddCluster { get; set; }

        [Display(Name = "Users.Active")]
        public bool IsActive { get; set; } = true;

        [DataType(DataType.Password), StringLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Users.NewPassword")]
        public string? NewPassword { get; set; }

        [Display(Name = "Users.Unlock")]
        public bool Unlock { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? UserId { get; private set; }
    public bool IsLockedOut { get; private set; }
    /// <summary>The user's clusters so far and the field that adds one (no list of every cluster: 3,000 at EU size).</summary>
    public ClusterChoicesField Clusters { get; private set; } = new("Input.ClusterIds", [], ClusterChoiceField.Form("Input.AddCluster", ClusterChoice.None, null, "ClusterChoice.AddHelp"), "Users.Clusters", "Users.ClustersHelp");

    /// <summary>The person signs in with an authenticator app: the administrator may reset it when it is lost.</summary>
    public bool TwoFactorEnabled { get; private set; }
    public bool IsSelf { get; private set; }

    /// <summary>The reset was asked for: the page asks to confirm it before anything changes.</summary>
    public bool ConfirmingTwoFactorReset { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (id == "New") return Page();
        if (!Guid.TryParse(id, out var guid) || await save.LoadAsync(guid, ct) is not { } u) return NotFound();
        UserId = u.Id;
        IsLockedOut = u.IsLockedOut;
        (TwoFactorEnabled, IsSelf) = (u.TwoFactorEnabled, u.Id == current.Id);
        Input = new InputModel
        {
            ConcurrencyStamp = u.ConcurrencyStamp, Email = u.Email, DisplayName = u.DisplayName, Affiliation = u.Affiliation, AffiliationEnterpriseNumber = u.AffiliationEnterpriseNumber,
            Role = u.Role, ClusterIds = u.ClusterIds.ToList(), IsActive = u.IsActive,
        };
        await LoadClustersAsync(ClusterChoice.None, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var added = await chooseCluster.HandleAsync(Input.AddCluster, ct);
        if (ClusterChoicesField.Merge(Input.ClusterIds, added, ModelState, "Input.AddCluster", text)) added = ClusterChoice.None;
        await LoadClustersAsync(added, ct);
        Guid? userId = null;
        if (id != "New")
        {
            if (!Guid.TryParse(id, out var guid)) return NotFound();
            userId = guid;
            UserId = guid;
        }
        if (!ModelState.IsValid) return Page();
        var (outcome, savedId, identityErrors) = await save.HandleAsync(new SaveUserCommand(userId, Input.ConcurrencyStamp, Input.Email, Input.DisplayName,
            Input.Affiliation, Input.AffiliationEnterpriseNumber, Input.Role, Input.ClusterIds, Input.IsActive, Input.NewPassword, Input.Unlock), ct);
        switch (outcome.Status)
        {
            case CommandStatus.Ok:
                TempData["Flash"] = "Flash.Saved";
                return Redirect($"/Admin/Users/{savedId}");
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Conflict:
                ModelState.AddModelError(string.Empty, text[outcome.ErrorCode!]);
                return Page();
            default:
                var key = $"{nameof(Input)}.{outcome.Field}";
                if (identityErrors.Count == 0) ModelState.AddModelError(key, text[outcome.ErrorCode!]);
                foreach (var e in identityErrors) ModelState.AddModelError(key, e);
                return Page();
        }
    }

    /// <summary>Resets a lost second factor; the first press shows what it does and asks to confirm.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, bool confirmed, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)) return NotFound();
        // The user form is not part of this post: its empty fields are no errors.
        ModelState.Clear();
        if (!confirmed)
        {
            var page = await OnGetAsync(id, ct);
            ConfirmingTwoFactorReset = TwoFactorEnabled && !IsSelf;
            return page;
        }
        var outcome = await resetSecondFactor.HandleAsync(guid, ct);
        switch (outcome.Status)
        {
            case CommandStatus.Ok:
                TempData["Flash"] = "Users.TwoFactorResetDone";
                return Redirect($"/Admin/Users/{guid}");
            case CommandStatus.NotFound:
                return NotFound();
            default:
                var result = await OnGetAsync(id, ct);
                ModelState.AddModelError(string.Empty, text[outcome.ErrorCode!]);
                return result;
        }
    }

    /// <summary>The clusters the form holds, by name, and the add field as it came back (its text kept when it chose none).</summary>
    private async Task LoadClustersAsync(ClusterChoice added, CancellationToken ct) =>
        Clusters = Clusters with { Chosen = await chooseCluster.NamedAsync(Input.ClusterIds, ct), Add = Clusters.Add with { Choice = added } };
}
