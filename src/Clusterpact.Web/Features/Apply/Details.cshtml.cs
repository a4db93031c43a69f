using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Apply;

/// <summary>
/// The applicant's application: the form while it is a draft (what they typed stays when something is refused), then
/// its status, the reasons of an ineligibility, withdrawal, and after the decision the outcome, the jury's scores and the letter.
/// </summary>
public sealed class DetailsModel(GetMyApplication getApplication, GetMyApplicationFile getFile, SaveProposal saveProposal, AttachDocument attach, RemoveAttachment removeAttachment,
    DeleteDraft deleteDraft, TakeMyApplicationStep takeStep, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int BlankMemberRows = 3;
    public const int BlankYearRows = 2;

    public sealed class MemberInput
    {
        public string? Name { get; set; }
        public string? EnterpriseNumber { get; set; }
        public SizeClass Size { get; set; } = SizeClass.Small;
    }

    public sealed class YearInput
    {
        public string? Year { get; set; }
        public string? Budget { get; set; }
        public string? Cofinancing { get; set; }
    }

    public sealed class InputModel
    {
        public string? StrategicDomain { get; set; }
        public string? Vision { get; set; }
        public string? ActionPlan { get; set; }
        public string? ConsortiumDescription { get; set; }
        public List<MemberInput> Members { get; set; } = [];
        public List<YearInput> Years { get; set; } = [];
    }

    public ApplicantView View { get; private set; } = null!;
    public Application App => View.Application;
    public Call Call => View.Call;
    public bool English => Cultures.IsEnglish;

    [BindProperty] public long Version { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? DocumentCode { get; set; }
    [BindProperty] public Guid AttachmentId { get; set; }

    /// <summary>The note typed with a withdrawal, shown again when the step is refused.</summary>
    public string? WithdrawNote { get; private set; }

    /// <summary>True after a first press of "Submit" on a draft that passes the checks: the page asks to confirm, since nothing can change afterwards.</summary>
    public bool ConfirmingSubmit { get; private set; }

    /// <summary>What still keeps the draft from being submitted (<see cref="SubmissionCheck"/>), each in words with its line or document.</summary>
    public IReadOnlyList<string> SubmitProblems { get; private set; } = [];

    /// <summary>The steps of the application's lifecycle the applicant may take now (submit, withdraw), from its table.</summary>
    public LifecycleActions Actions { get; private set; } = LifecycleActions.None;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel
        {
            StrategicDomain = App.StrategicDomain, Vision = App.Vision, ActionPlan = App.ActionPlan, ConsortiumDescription = App.ConsortiumDescription,
            Members = App.CommittedMembers.Select(m => new MemberInput { Name = m.Name, EnterpriseNumber = Format.EnterpriseNumber(m.EnterpriseNumber), Size = m.Size }).ToList(),
            Years = App.YearPlans.Select(y => new YearInput { Year = y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Budget = Amount(y.BudgetEur), Cofinancing = Amount(y.CofinancingEur) }).ToList(),
        };
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid attachment, CancellationToken ct) =>
        await getFile.HandleAsync(id, attachment, ct) is { } file ? new Infrastructure.Files.StoredFileDownload(file.Content, file.Attachment.FileName) : NotFound();

    /// <summary>The decision letter as a PDF, once the application is decided.</summary>
    public async Task<IActionResult> OnGetLetterAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || App.Status != ApplicationStatus.Decided) return NotFound();
        return File(Calls.DecisionLetter.Render(Call, App, View.Consensus, View.Ranked, text), "application/pdf", $"beslissing-{App.Reference}.pdf");
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        var years = ParseYears();
        if (!ModelState.IsValid) return await ReshowAsync(id, ct);
        return await HandleAsync(id, await saveProposal.HandleAsync(id, Version, Proposal(years), ct), ct, keepInput: true);
    }

    /// <summary>
    /// The upload button is part of the proposal form, so what was typed comes with the file: the draft is saved first
    /// (refused: the form comes back as typed, nothing is attached), then the file is attached to the saved draft.
    /// </summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken ct)
    {
        var years = ParseYears();
        if (Upload is null) ModelState.AddModelError("Input.File", text["Validation.Required", text["Applications.File"]]);
        if (!ModelState.IsValid) return await ReshowAsync(id, ct);
        var saved = await saveProposal.HandleAsync(id, Version, Proposal(years), ct);
        if (saved.Status != CommandStatus.Ok) return await HandleAsync(id, saved, ct, keepInput: true);
        await using var stream = Upload!.OpenReadStream();
        var attached = await attach.HandleAsync(id, saved.NewVersion!.Value, new UploadedDocument(Upload.FileName, Upload.ContentType, Upload.Length, DocumentCode, stream), ct);
        if (attached.Status != CommandStatus.Ok)
        {
            // The draft itself was saved: the page says so beside the file's refusal, and shows the saved draft.
            var answer = await HandleAsync(id, attached, ct);
            if (answer is PageResult) ModelState.AddModelError("Input.File", text["Apply.DraftSavedFileRefused"]);
            return answer;
        }
        TempData["Flash"] = "Flash.DraftSavedAndAttached";
        return Redirect($"/Apply/{id}");
    }

    /// <summary>Deletes the applicant's own draft (only a draft; the audit trail keeps what it held).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var outcome = await deleteDraft.HandleAsync(id, Version, ct);
        if (outcome.Status != CommandStatus.Ok) return await HandleAsync(id, outcome, ct);
        TempData["Flash"] = "Flash.DraftDeleted";
        return Redirect("/Apply");
    }

    private List<YearLine> ParseYears()
    {
        var years = new List<YearLine>();
        foreach (var y in Input.Years)
        {
            int? year = int.TryParse(y.Year, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsedYear) ? parsedYear : null;
            var budget = BelgianFormats.ParseNumber(y.Budget);
            var cofinancing = BelgianFormats.ParseNumber(y.Cofinancing);
            if (!string.IsNullOrWhiteSpace(y.Budget) && budget is null) ModelState.AddModelError("Input.Years", text["Validation.Amount", y.Budget]);
            if (!string.IsNullOrWhiteSpace(y.Cofinancing) && cofinancing is null) ModelState.AddModelError("Input.Years", text["Validation.Amount", y.Cofinancing]);
            if (!string.IsNullOrWhiteSpace(y.Year) && year is null) ModelState.AddModelError("Input.Years", text["Validation.Number", y.Year]);
            years.Add(new YearLine(year, budget, cofinancing));
        }
        return years;
    }

    private ProposalInput Proposal(List<YearLine> years) => new(Input.StrategicDomain, Input.Vision, Input.ActionPlan, Input.ConsortiumDescription,
        Input.Members.Select(m => new MemberLine(m.Name, m.EnterpriseNumber, m.Size)).ToList(), years);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        await HandleAsync(id, await removeAttachment.HandleAsync(id, Version, AttachmentId, ct), ct);

    /// <summary>One handler for the lifecycle's steps: the application checks each against the applicant's actors.</summary>
    public async Task<IActionResult> OnPostStepAsync(Guid id, string step, string? reason, long version, bool confirmed, CancellationToken ct)
    {
        // Submitting is final: the first press shows what is still wrong, or asks to confirm; only the confirmation submits.
        if (step == ApplicationLifecycle.Submit && !confirmed)
        {
            var page = await OnGetAsync(id, ct);
            if (page is not PageResult) return page;
            if (SubmitProblems.Count == 0) ConfirmingSubmit = true;
            else foreach (var problem in SubmitProblems) ModelState.AddModelError("Input.Submit", problem);
            return page;
        }
        var answer = await HandleAsync(id, await takeStep.HandleAsync(id, version, step, reason, ct), ct);
        if (step == ApplicationLifecycle.Withdraw) WithdrawNote = reason;
        return answer;
    }

    private async Task<IActionResult> HandleAsync(Guid id, CommandOutcome outcome, CancellationToken ct, bool keepInput = false)
    {
        var answer = CommandOutcomePage.Handle(this, outcome, $"/Apply/{id}", text, "Input");
        return answer is PageResult ? await ReshowAsync(id, ct, fromRecord: !keepInput) : answer;
    }

    /// <summary>Shows the page again after a refusal: with what the person typed for the proposal form, from the record otherwise.</summary>
    private async Task<IActionResult> ReshowAsync(Guid id, CancellationToken ct, bool fromRecord = false)
    {
        if (fromRecord)
        {
            var errors = ModelState.Where(kv => kv.Value!.Errors.Count > 0).SelectMany(kv => kv.Value!.Errors.Select(e => (kv.Key, e.ErrorMessage))).ToList();
            var result = await OnGetAsync(id, ct);
            foreach (var (key, message) in errors) ModelState.AddModelError(key, message);
            return result;
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        Pad();
        return Page();
    }

    private void Pad()
    {
        Input.Members.RemoveAll(m => string.IsNullOrWhiteSpace(m.Name) && string.IsNullOrWhiteSpace(m.EnterpriseNumber));
        Input.Years.RemoveAll(y => string.IsNullOrWhiteSpace(y.Year) && string.IsNullOrWhiteSpace(y.Budget) && string.IsNullOrWhiteSpace(y.Cofinancing));
        for (var i = 0; i < BlankMemberRows; i++) Input.Members.Add(new MemberInput());
        for (var i = 0; i < BlankYearRows; i++) Input.Years.Add(new YearInput());
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await getApplication.HandleAsync(id, ct);
        if (view is null) return false;
        View = view;
        Actions = LifecycleActions.For(ApplicationLifecycle.Rules, view.Application.Status, view.Actors, view.Application.Version,
            ownForm: [ApplicationLifecycle.Submit, ApplicationLifecycle.Withdraw]);
        if (view.Application.Status == ApplicationStatus.Draft) SubmitProblems = SubmissionCheck.Problems(view.Application, view.Call).Select(Describe).ToList();
        return true;
    }

    /// <summary>A submission problem in words, naming the member's line, the share or the document.</summary>
    private string Describe(SubmissionProblem p) => p.Code switch
    {
        "Application.MemberNumberInvalid" => text["Application.MemberNumberInvalid.Row", p.Row ?? 0, p.Subject ?? ""],
        "Application.CofinancingBelowHalf" => text["Application.CofinancingBelowHalf.Share", Format.Percent(p.Share), Format.Percent(SubmissionCheck.MinCofinancingShare)],
        "Application.RequiredDocumentMissing" => text["Application.RequiredDocumentMissing.Named",
            Call.RequiredDocuments.FirstOrDefault(d => d.Code == p.Subject) is { } d ? (English ? d.NameEn : d.NameNl) : p.Subject ?? ""],
        _ => text[p.Code],
    };

    private static string Amount(decimal value) => value.ToString("N2", System.Globalization.CultureInfo.CurrentCulture);
}
