namespace Clusterpact.Web.Features.Organisations;

public sealed class DetailsModel(GetOrganisation get, OverrideOrganisationSize overrideSize, Permissions permissions, Projects.ListProjects projects, IStringLocalizer<SharedResource> text,
    Infrastructure.EnterpriseRegister.EnterpriseRegisterLookup register) : PageModel
{
    /// <summary>What the official register says of the organisation, when an extract is loaded and it has an enterprise number.</summary>
    public Infrastructure.EnterpriseRegister.RegisterAnswer? Register { get; private set; }

    /// <summary>Where our record and the register disagree.</summary>
    public IReadOnlyList<Domain.EnterpriseRegister.RegisterDifference> Differences { get; private set; } = [];

    public OrganisationDetails Organisation { get; private set; } = null!;
    public IReadOnlyList<(int Year, SizeClass? Class, SmeClassification ByFigures)> SizeHistory { get; private set; } = [];
    public bool CanOverride { get; private set; }
    public Projects.ProjectListBlock Projects { get; private set; } = null!;

    [BindProperty] public SizeClass? OverrideClass { get; set; }
    [BindProperty] public string? Justification { get; set; }
    [BindProperty] public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>An agency officer sets or clears the size class of a linked or partner enterprise, with the reason.</summary>
    public async Task<IActionResult> OnPostOverrideAsync(Guid id, CancellationToken ct)
    {
        // The page is drawn first: it is the visibility check, and a refused form shows again with the record.
        if (!await LoadAsync(id, ct)) return NotFound();
        var outcome = await overrideSize.HandleAsync(new OverrideOrganisationSizeCommand(id, Version, OverrideClass, Justification), ct);
        return CommandOutcomePage.Handle(this, outcome, $"/Organisations/{id}", text, prefix: "");
    }

    public string Reason(SmeClassification c) => c.Class is null
        ? text[c.Reason].Value
        : text[c.Reason, Infrastructure.Formatting.Format.Number(c.Headcount, 1), c.HeadcountCeiling ?? 0, Infrastructure.Formatting.Format.Money(c.TurnoverEur),
            Infrastructure.Formatting.Format.Money(c.TurnoverCeiling), Infrastructure.Formatting.Format.Money(c.BalanceSheetEur), Infrastructure.Formatting.Format.Money(c.BalanceSheetCeiling)].Value;

    /// <summary>
    /// Why a year's class is what it is: the figures' own reason, or, when the class in force differs from what that
    /// year's figures say, the two-consecutive-years rule that keeps the earlier class (Recommendation 2003/361/EC, art. 4).
    /// </summary>
    public string Explain(SizeClass? inForce, SmeClassification byFigures) => inForce is { } kept && byFigures.Class is { } shown && kept != shown
        ? text["Sme.KeptByTwoYearRule", text["SizeClass." + shown].Value, text["SizeClass." + kept].Value].Value
        : Reason(byFigures);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        CanOverride = await permissions.HasAsync(Policies.AgencyStaff);
        var o = await get.HandleAsync(id, ct);
        if (o is null) return false;
        Organisation = o;
        if (o.EnterpriseNumber is { } number)
        {
            Register = await register.FindAsync(number, CultureInfo.CurrentUICulture.Name, ct);
            if (Register.Entry is { } entry) Differences = Domain.EnterpriseRegister.RegisterCheck.Differences(o.Name, o.NaceCode, o.NutsRegion, entry);
        }
        SizeHistory = SmeClassifier.ClassifyOverYears((o.Figures ?? []).Select(f => new SizeFigures(f.Year, f.Headcount, f.TurnoverEur, f.BalanceSheetEur)));
        if (Request.Method == "GET") (OverrideClass, Justification, Version) = (o.SizeOverride, o.SizeOverrideJustification, o.Version);
        var list = await projects.HandleAsync(new Projects.ProjectListQuery(null, null, null, null, null, null, id), new Shared.PageRequest(Size: 10), ct);
        Projects = new Projects.ProjectListBlock(text["Projects.OfPartner"], list, $"/Projects?organisation={id}", null);
        return true;
    }
}
