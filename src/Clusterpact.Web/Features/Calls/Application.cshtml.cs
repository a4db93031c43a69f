using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Calls;

/// <summary>
/// One application for the agency: the proposal and its files, eligibility, the panel with declarations and scores,
/// the consensus, the decision with its letter, the agreement made from it, and the whole history.
/// </summary>
public sealed class ApplicationModel(GetAgencyApplication getApplication, GetApplicationFile getFile, TakeApplicationStep takeStep, AssignExpert assignExpert,
    UnassignExpert unassignExpert, RecordConsensus recordConsensus, DecideApplication decide, MakeAgreementFromApplication makeAgreement,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public AgencyApplicationView View { get; private set; } = null!;
    public Call Call => View.Call;
    public Domain.Calls.Application App => View.Application;
    public bool English => Cultures.IsEnglish;

    [BindProperty] public long Version { get; set; }

    private (string Step, string? Reason)? _typed;

    /// <summary>The reason typed with a step (the eligibility note, the ineligibility's reasons), shown again in that step's form when it is refused.</summary>
    public string? ReasonFor(string step) => _typed is { } t && t.Step == step ? t.Reason : null;

    /// <summary>The steps of the application's lifecycle the officer may take now, from its table.</summary>
    public LifecycleActions Actions { get; private set; } = LifecycleActions.None;
    [BindProperty] public Guid ExpertId { get; set; }
    [BindProperty] public Guid AssignmentId { get; set; }
    [BindProperty] public string? Criterion { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? Justification { get; set; }
    [BindProperty] public ApplicationOutcome? Outcome { get; set; }
    [BindProperty] public string? Conditions { get; set; }
    [BindProperty] public string? Motivation { get; set; }
    [BindProperty] public DateOnly? AgreementStart { get; set; }
    [BindProperty] public string? DecisionReference { get; set; }
    [BindProperty] public List<AgreementYearInput> Years { get; set; } = [];

    public sealed class AgreementYearInput
    {
        public int Year { get; set; }
        public string? Aid { get; set; }
        public string? Cofinancing { get; set; }
        public string? Animation { get; set; }
        public string? Marketing { get; set; }
        public string? Facilities { get; set; }
        public string? Training { get; set; }
    }

    public bool CanMakeAgreement => App.Status == ApplicationStatus.Decided && App.AgreementId is null && Call.Kind != CallKind.ThematicProject
        && App.Outcome is ApplicationOutcome.Granted or ApplicationOutcome.GrantedWithConditions;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Years = MakeAgreementFromApplication.Proposed(App).Select(y => new AgreementYearInput
        {
            Year = y.Year, Aid = Amount(y.Aid), Cofinancing = Amount(y.Cofinancing), Animation = Amount(y.Animation), Marketing = Amount(y.Marketing),
            Facilities = Amount(y.Facilities), Training = Amount(y.Training),
        }).ToList();
        AgreementStart = App.YearPlans.Count > 0 ? new DateOnly(App.YearPlans[0].Year, 1, 1) : null;
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid attachment, CancellationToken ct) =>
        await getFile.HandleAsync(id, attachment, ct) is { } file ? new Infrastructure.Files.StoredFileDownload(file.Content, file.Attachment.FileName) : NotFound();

    /// <summary>The decision letter as a PDF, once the application is decided.</summary>
    public async Task<IActionResult> OnGetLetterAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || App.Status != ApplicationStatus.Decided) return NotFound();
        return File(DecisionLetter.Render(Call, App, View.Consensus, View.Ranked, text), "application/pdf", $"beslissing-{App.Reference}.pdf");
    }

    /// <summary>One handler for every step of the table: the application checks it against the officer's actors.</summary>
    public async Task<IActionResult> OnPostStepAsync(Guid id, string step, string? reason, long version, CancellationToken ct)
    {
        _typed = (step, reason);
        return await RunAsync(id, await takeStep.HandleAsync(id, version, step, reason, ct), ct);
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) => await RunAsync(id, await assignExpert.HandleAsync(id, ExpertId, null, ct), ct);

    public async Task<IActionResult> OnPostUnassignAsync(Guid id, CancellationToken ct) => await RunAsync(id, await unassignExpert.HandleAsync(id, AssignmentId, null, ct), ct);

    public async Task<IActionResult> OnPostConsensusAsync(Guid id, CancellationToken ct)
    {
        var value = BelgianFormats.ParseNumber(Value);
        if (value is null)
        {
            ModelState.AddModelError("Consensus", text["Validation.Number", text["Calls.Score"]]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        return await RunAsync(id, await recordConsensus.HandleAsync(id, Criterion ?? "", value.Value, Justification, null, ct), ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct)
    {
        if (Outcome is not { } outcome)
        {
            ModelState.AddModelError("Decision", text["Validation.Required", text["Applications.Outcome"]]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        return await RunAsync(id, await decide.HandleAsync(id, Version, outcome, Conditions, Motivation, ct), ct);
    }

    public async Task<IActionResult> OnPostAgreementAsync(Guid id, CancellationToken ct)
    {
        var lines = new List<AgreementYearLine>();
        foreach (var y in Years)
        {
            // Aid and cofinancing are the decision itself and must be given; an empty cost category is zero.
            decimal Parse(string? s, string label, bool required)
            {
                if (string.IsNullOrWhiteSpace(s))
                {
                    if (required) ModelState.AddModelError("Form.Agreement", text["Validation.Required", $"{text[label]} {y.Year}"]);
                    return 0;
                }
                var v = BelgianFormats.ParseNumber(s);
                if (v is null) ModelState.AddModelError("Form.Agreement", text["Validation.Amount", s]);
                return v ?? 0;
            }
            lines.Add(new AgreementYearLine(y.Year, Parse(y.Aid, "Applications.Aid", true), Parse(y.Cofinancing, "Applications.Cofinancing", true),
                Parse(y.Animation, "CostCategory.Animation", false), Parse(y.Marketing, "CostCategory.Marketing", false),
                Parse(y.Facilities, "CostCategory.FacilityManagement", false), Parse(y.Training, "CostCategory.TrainingAndNetworking", false)));
        }
        if (AgreementStart is null) ModelState.AddModelError("Form.Agreement", text["Validation.Required", text["Applications.AgreementStart"]]);
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        var (outcome, clusterId) = await makeAgreement.HandleAsync(new AgreementFromApplicationCommand(id, Version, AgreementStart!.Value, DecisionReference ?? "", lines), ct);
        if (outcome.Status != CommandStatus.Ok) outcome = outcome with { Field = "Agreement" };
        return await RunAsync(id, outcome, ct, clusterId is { } c ? $"/Clusters/{c}" : null);
    }

    private Task<IActionResult> RunAsync(Guid id, CommandOutcome outcome, CancellationToken ct, string? successUrl = null) =>
        CommandOutcomePage.HandleAsync(this, outcome, successUrl ?? $"/Calls/Application/{id}", text, "Form", () => LoadAsync(id, ct));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await getApplication.HandleAsync(id, ct);
        if (view is null) return false;
        View = view;
        Actions = LifecycleActions.For(ApplicationLifecycle.Rules, view.Application.Status, view.Actors, view.Application.Version,
            ownForm: OwnForm);
        return true;
    }

    /// <summary>Steps the page shows with a form of its own: eligibility with its note, ineligibility with its reasons, the decision with its outcome.</summary>
    public static readonly string[] OwnForm = [ApplicationLifecycle.MarkEligible, ApplicationLifecycle.MarkIneligible, ApplicationLifecycle.Decide];

    private static string Amount(decimal value) => value.ToString("N2", System.Globalization.CultureInfo.CurrentCulture);
}
