using Clusterpact.Web.Infrastructure.Audit;
using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Projects;

/// <summary>
/// A project: its facts, partners, the money it holds on an envelope, and the next steps for whoever may take
/// them (partners while it is a proposal; the agency's decision, status, payments; results at the end).
/// </summary>
public sealed class DetailsModel(GetProjectPage get, SetProjectPartner setPartner, RemoveProjectPartner removePartner, TakeProjectStep takeStep, PayProject pay,
    ReleaseProjectCommitment release, ReportProjectResults reportResults, RecordActors actors, IStringLocalizer<SharedResource> text) : PageModel
{
    public ProjectView Project { get; private set; } = null!;

    /// <summary>Who approved or refused the project, and on which day, as the audit trail recorded it.</summary>
    public Infrastructure.Audit.RecordedDecision? Decision { get; private set; }
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    /// <summary>The lifecycle steps the signed-in person may take now; approve and reject share the decision form.</summary>
    public LifecycleActions Steps { get; private set; } = LifecycleActions.None;

    // What the forms typed, kept when a form is shown again with its refusal.
    [BindProperty] public string? EnterpriseNumber { get; set; }
    [BindProperty] public PartnerRole Role { get; set; } = PartnerRole.Partner;
    [BindProperty] public string? BudgetShare { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Release { get; set; }
    [BindProperty] public string? ExtraTurnover { get; set; }
    [BindProperty] public string? ExtraFte { get; set; }
    [BindProperty] public string? ExtraInvestments { get; set; }
    [BindProperty] public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPartnerAsync(Guid id, CancellationToken ct)
    {
        var share = ProjectForm.Amount(BudgetShare, nameof(BudgetShare), "Projects.BudgetShare", ModelState, text, "Input") ?? 0;
        if (!ModelState.IsValid) return await ShowAsync(id, ct);
        return await AnswerAsync(id, await setPartner.HandleAsync(new SetPartnerCommand(id, Version, EnterpriseNumber, Role, share), ct), ct);
    }

    public async Task<IActionResult> OnPostRemovePartnerAsync(Guid id, Guid organisationId, CancellationToken ct) =>
        await AnswerAsync(id, await removePartner.HandleAsync(new RemovePartnerCommand(id, Version, organisationId), ct), ct);

    /// <summary>A step of the project's lifecycle: the buttons of its table, and the decision form (approve or reject with a note).</summary>
    public async Task<IActionResult> OnPostStepAsync(Guid id, string? step, CancellationToken ct) =>
        await AnswerAsync(id, await takeStep.HandleAsync(new ProjectStepCommand(id, Version, step ?? "", Reason), ct), ct);

    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken ct)
    {
        var amount = ProjectForm.Amount(Amount, nameof(Amount), "Projects.PaymentAmount", ModelState, text, "Input");
        if (amount is null) ModelState.AddModelError("Input.Amount", text["Validation.Required", text["Projects.PaymentAmount"]]);
        if (!ModelState.IsValid) return await ShowAsync(id, ct);
        return await AnswerAsync(id, await pay.HandleAsync(new PayProjectCommand(id, Version, amount!.Value), ct), ct);
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct)
    {
        var amount = ProjectForm.Amount(Release, nameof(Release), "Projects.ReleaseAmount", ModelState, text, "Input");
        if (amount is null) ModelState.AddModelError("Input.Release", text["Validation.Required", text["Projects.ReleaseAmount"]]);
        if (!ModelState.IsValid) return await ShowAsync(id, ct);
        return await AnswerAsync(id, await release.HandleAsync(new ReleaseCommitmentCommand(id, Version, amount!.Value), ct), ct);
    }

    public async Task<IActionResult> OnPostResultsAsync(Guid id, CancellationToken ct)
    {
        var turnover = ProjectForm.Amount(ExtraTurnover, nameof(ExtraTurnover), "Projects.ExtraTurnover", ModelState, text, "Input");
        var fte = ProjectForm.Amount(ExtraFte, nameof(ExtraFte), "Projects.ExtraFte", ModelState, text, "Input");
        var investments = ProjectForm.Amount(ExtraInvestments, nameof(ExtraInvestments), "Projects.ExtraInvestments", ModelState, text, "Input");
        if (!ModelState.IsValid) return await ShowAsync(id, ct);
        return await AnswerAsync(id, await reportResults.HandleAsync(new ReportProjectResultsCommand(id, Version, new ProjectResults(turnover, fte, investments)), ct), ct);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, CommandOutcome outcome, CancellationToken ct)
    {
        var answer = CommandOutcomePage.Handle(this, outcome, $"/Projects/{id}", text, "Input");
        return answer is PageResult ? await ShowAsync(id, ct) : answer;
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } page) return false;
        var project = page.View;
        (Project, Decision, History) = (project, page.Decision, page.History);
        Steps = LifecycleActions.For(Domain.Projects.Project.Lifecycle, project.Project.Status, await actors.OnClustersAsync(project.Project.ClusterIds, ct), project.Project.Version,
            ownForm: [ProjectStep.Approve, ProjectStep.Reject]);
        return true;
    }

    public static bool IsCompany(OrganisationKind kind) => kind == OrganisationKind.Company;
}
